#!/usr/bin/env bash
# The served OpenAPI description through a standard linter (Redocly CLI, its recommended rules): starts the jar on
# a free port with a fresh H2 database under target/, waits for /actuator/health, fetches /v3/api-docs, stops the
# jar and lints the document. Exits non-zero when the linter reports an error; warnings are printed only.
#   scripts/openapi-lint.sh [JAR]        (default: the jar in target/, built if missing, packed by scripts/pack.sh)
# Needs Node (npx) with access to the npm registry; the document is kept in target/openapi-lint/api-docs.json.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/jar.sh
# the given jar as it is; else the fast start of the one in target/ (scripts/pack.sh)
if [ -n "${1:-}" ]; then start=(-jar "$(service_jar "$1")"); else read -ra start <<<"$(fast_service_args)"; fi
work=$PWD/target/openapi-lint
rm -rf "$work"
mkdir -p "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port

SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 \
  SPRING_DATASOURCE_URL="jdbc:h2:file:$work/iop;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
  java -Xmx384m "${start[@]}" >"$work/service.log" 2>&1 &
pid=$!
# SIGTERM: the graceful shutdown; also when the script fails half-way
trap 'kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 360); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the service exited during start-up:" >&2
    tail -n 40 "$work/service.log" >&2
    exit 1
  fi
  if curl -sf "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; then
    break
  fi
  sleep 0.5
done
if ! curl -sf "$base/v3/api-docs" -o "$work/api-docs.json"; then
  echo "no OpenAPI document at $base/v3/api-docs (service not ready after 180 s?):" >&2
  tail -n 40 "$work/service.log" >&2
  exit 1
fi
kill "$pid" && wait "$pid" 2>/dev/null || true
trap - EXIT

# the built-in recommended rules (no redocly.yaml); exit status 1 on any error
npx --yes @redocly/cli@2 lint --format=stylish --max-problems=500 "$work/api-docs.json"
