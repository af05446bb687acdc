#!/usr/bin/env bash
# Backs up the H2 file database to one compressed SQL script (schema, data and Flyway's history).
#   scripts/backup-h2.sh [DATABASE] [BACKUP_FILE]
#     DATABASE     the path given in the service's URL, without .mv.db (default ./data/iop)
#     BACKUP_FILE  default backups/iop-<UTC timestamp>.sql.zip
# The service must be stopped: H2 lets one process open a file database, and a backup taken while it is
# stopped is consistent by construction. Every acknowledged write is in it (WRITE_DELAY=0, see durability.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/h2.sh
db=${1:-./data/iop}
out=${2:-backups/iop-$(date -u +%Y%m%dT%H%M%SZ).sql.zip}
[ -f "$db.mv.db" ] || { echo "no H2 database at $db.mv.db" >&2; exit 2; }
[ ! -e "$out" ] || { echo "$out exists already; name another file" >&2; exit 2; }
mkdir -p "$(dirname "$out")"
h2_tools
trap 'rm -f "$H2_JAR"' EXIT
if ! java -cp "$H2_JAR" org.h2.tools.Script -url "$(h2_url "$db")" -user "$H2_USER" -password "$H2_PASSWORD" \
    -script "$out.partial" -options COMPRESSION ZIP 2>"$out.err"; then
  cat "$out.err" >&2
  grep -qi "in use\|locked" "$out.err" && in_use_hint
  rm -f "$out.partial" "$out.err"
  exit 1
fi
rm -f "$out.err"
mv "$out.partial" "$out"
echo "backed up $db to $out ($(du -h "$out" | cut -f1))"
