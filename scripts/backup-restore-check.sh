#!/usr/bin/env bash
# Checks backup-h2.sh and restore-h2.sh end to end against the jar on a throwaway H2 file database.
#   scripts/backup-restore-check.sh [JAR]      (default: the jar in target/, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/jar.sh
jar=$(service_jar "${1:-}")
python3 scripts/lib/backup_restore_check.py "$jar"
