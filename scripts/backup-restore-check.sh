#!/usr/bin/env bash
# Checks backup-h2.sh and restore-h2.sh end to end against the jar on a throwaway H2 file database.
#   scripts/backup-restore-check.sh [JAR]      (default: the jar in target/, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-$(ls target/iop-scheduler-*.jar 2>/dev/null | grep -v -e '-plain' | head -n 1 || true)}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/iop-scheduler-*.jar | grep -v -e '-plain' | head -n 1)
fi
python3 scripts/lib/backup_restore_check.py "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
