#!/usr/bin/env bash
# SIGKILL in the middle of a stream of acknowledged writes, three times, on the default H2 file database:
# after each restart every write that was answered 201 must be there.
#   scripts/durability.sh [JAR] [SECONDS_OF_WRITES_PER_ROUND]     (default: the jar in target/, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-$(ls target/iop-scheduler-*.jar 2>/dev/null | grep -v -e '-plain' | head -n 1 || true)}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/iop-scheduler-*.jar | grep -v -e '-plain' | head -n 1)
fi
python3 scripts/lib/durability.py "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" "${2:-6}"
