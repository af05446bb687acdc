#!/usr/bin/env bash
# The whole test suite again on PostgreSQL: every test that starts the application gets a fresh database of
# its own on the server at 127.0.0.1:5432 (started here if it is down); all are dropped when the run ends.
#   scripts/postgres-tests.sh [extra Maven arguments, e.g. -Dtest=BadInputTest]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh
ensure_postgres
exec ./mvnw -B -Ppostgres verify \
  -Diop.test.postgres.url="jdbc:postgresql://$PGHOST:$PGPORT/" -Diop.test.postgres.username="$PGUSER" \
  -Diop.test.postgres.password="${PGPASSWORD:-}" "$@"
