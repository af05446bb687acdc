#!/usr/bin/env bash
# The start-up case of the benchmark on its own (issue #13: healthy in <= 4 s), on the data set scripts/generate.sh
# made (or BENCH_PG_DATABASE):
#   scripts/startup.sh [both|h2|postgres] [runs]     (default both, 3 runs of each way)
# Starts the packaged service each way, `runs` times: the plain jar, the extracted jar with a CDS archive
# (PACK_AOT=0 scripts/pack.sh target/app-cds), and Spring AOT with its CDS archive (scripts/pack.sh). Prints, per
# database and way, the median seconds from exec to /actuator/health UP, the median CPU seconds the JVM had used
# by then, and the first sign-in page / first signed-in API call after healthy, in milliseconds.
# STARTUP_OTHER_RUNS: runs of the plain jar and CDS alone (default: runs), e.g. 1 to save time when only the fast
# start is compared with its target.
# Writes target/bench/startup-<db>.json (bench.sh puts it into docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
which_dbs=${1:-both}
runs=${2:-3}
name=iop-scheduler-1.0.0-SNAPSHOT
jar=target/$name.jar
out=${BENCH_OUT:-target/bench}
port=${STARTUP_PORT:-18080}
mkdir -p "$out"
. scripts/lib/start.sh
trap stop_app EXIT
if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
  echo "something already answers on port $port; stop it first" >&2; exit 1
fi
[ -f target/app/app.jsa ] && [ target/app/app.jsa -nt "$jar" ] || bash scripts/pack.sh target/app >/dev/null
[ -f target/app-cds/app.jsa ] && [ target/app-cds/app.jsa -nt "$jar" ] || PACK_AOT=0 bash scripts/pack.sh target/app-cds >/dev/null

ways=(plain cds aot-cds)
way_args() {
  case "$1" in
    plain) echo "-jar $jar" ;;
    cds) echo "-XX:SharedArchiveFile=target/app-cds/app.jsa -jar target/app-cds/$name.jar" ;;
    aot-cds) echo "-XX:SharedArchiveFile=target/app/app.jsa -Dspring.aot.enabled=true -jar target/app/$name.jar" ;;
  esac
}

join() { local IFS=,; echo "$*"; }

run_db() {
  local db=$1 result="$out/startup-$1.json"
  datasource "$db"
  echo "{\"db\": \"$db\", \"runs\": {" >"$result"
  local first=1
  for way in "${ways[@]}"; do
    local starts=() cpus=() firsts=()
    local n=$runs
    [ "$way" = aot-cds ] || n=${STARTUP_OTHER_RUNS:-$runs}
    for _ in $(seq 1 "$n"); do
      # shellcheck disable=SC2046
      start_app "$db-$way" $(way_args "$way")
      first_requests
      starts+=("$started_in"); cpus+=("$cpu_s"); firsts+=("\"$first_ms\"")
      echo "$db $way: healthy in ${started_in} s, ${cpu_s} CPU s, first page/API ${first_ms} ms (load $(cut -d' ' -f1 /proc/loadavg))" >&2
      stop_app
    done
    [ $first = 1 ] || echo "," >>"$result"
    first=0
    echo "\"$way\": {\"start_s\": [$(join "${starts[@]}")], \"cpu_s\": [$(join "${cpus[@]}")], \"first_ms\": [$(join "${firsts[@]}")]}" >>"$result"
  done
  echo "}}" >>"$result"
  python3 - "$result" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))
for way, v in r["runs"].items():
    print(f"{r['db']:8} {way:8} healthy {statistics.median(v['start_s']):6.2f} s   CPU {statistics.median(v['cpu_s']):6.2f} s"
          f"   first page/API ms {', '.join(v['first_ms'])}")
PY
}

case "$which_dbs" in
  both) run_db h2; run_db postgres ;;
  h2|postgres) run_db "$which_dbs" ;;
  *) echo "usage: scripts/startup.sh [both|h2|postgres] [runs]" >&2; exit 2 ;;
esac
