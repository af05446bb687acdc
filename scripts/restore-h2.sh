#!/usr/bin/env bash
# Restores an H2 file database from a backup made by backup-h2.sh.
#   scripts/restore-h2.sh BACKUP_FILE [DATABASE]
#     DATABASE  the path given in the service's URL, without .mv.db (default ./data/iop)
# The service must be stopped. The database found there is kept beside it as
# DATABASE.before-restore-<UTC timestamp>.mv.db, never deleted. Start the service afterwards: Flyway finds the
# restored history and applies only migrations newer than the backup.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/h2.sh
backup=${1:?usage: scripts/restore-h2.sh BACKUP_FILE [DATABASE]}
db=${2:-./data/iop}
[ -f "$backup" ] || { echo "no backup at $backup" >&2; exit 2; }
h2_tools
trap 'rm -f "$H2_JAR"' EXIT
kept=
if [ -f "$db.mv.db" ]; then
  # opening it exclusively proves no service holds it before anything is moved
  if ! java -cp "$H2_JAR" org.h2.tools.Shell -url "$(h2_url "$db")" -user "$H2_USER" -password "$H2_PASSWORD" \
      -sql "select 1" >/dev/null 2>"$db.restore.err"; then
    cat "$db.restore.err" >&2
    grep -qi "in use\|locked" "$db.restore.err" && in_use_hint
    rm -f "$db.restore.err"
    exit 1
  fi
  rm -f "$db.restore.err"
  kept="$db.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
  mv "$db.mv.db" "$kept.mv.db"
  [ -f "$db.trace.db" ] && mv "$db.trace.db" "$kept.trace.db"
fi
mkdir -p "$(dirname "$db")"
if ! java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$db" -user "$H2_USER" -password "$H2_PASSWORD" \
    -script "$backup" -options COMPRESSION ZIP; then
  echo "restore failed; the database was not changed" >&2
  rm -f "$db.mv.db"
  [ -n "$kept" ] && mv "$kept.mv.db" "$db.mv.db"
  exit 1
fi
echo "restored $backup into $db${kept:+ (the previous database is kept as $kept.mv.db)}"
