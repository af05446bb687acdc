#!/usr/bin/env bash
# Two instances of the jar on one fresh PostgreSQL database, hit at once from both sides: 50 enrollments for
# the last 5 places of a group, 200 attendance marks on one sheet, a counselor booked twice at the same time; and
# a page session (form sign-in) made on one instance that the other serves, a sign-out on one that ends it on both,
# and a password changed on one that ends the page session and the old password on the other at once.
#   scripts/two-instances.sh [JAR]        (default: the jar in target/, built if missing)
# Needs PostgreSQL at 127.0.0.1:5432 (started if down; PGHOST/PGPORT/PGUSER/PGPASSWORD for another).
# The database is created for this run and dropped afterwards. Ends with 'N passed, N failed'.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh
jar=${1:-$(ls target/iop-scheduler-*.jar 2>/dev/null | grep -v -e '-plain' | head -n 1 || true)}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/iop-scheduler-*.jar | grep -v -e '-plain' | head -n 1)
fi
ensure_postgres
db="iop_two_$(date +%s)_$$"
createdb "$db"
trap 'dropdb --if-exists --force "$db" >/dev/null 2>&1 || true' EXIT
python3 scripts/lib/two_instances.py "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" \
  "jdbc:postgresql://$PGHOST:$PGPORT/$db" "$PGUSER" "${PGPASSWORD:-}"
