#!/usr/bin/env bash
# SIGKILL in the middle of a stream of acknowledged writes, three times, on the default H2 file database:
# after each restart every write that was answered 201 must be there.
#   scripts/durability.sh [JAR] [SECONDS_OF_WRITES_PER_ROUND]     (default: the jar in target/, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/jar.sh
jar=$(service_jar "${1:-}")
python3 scripts/lib/durability.py "$jar" "${2:-6}"
