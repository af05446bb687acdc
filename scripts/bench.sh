#!/usr/bin/env bash
# The performance benchmark of issue #6, on H2 and on PostgreSQL:
#   scripts/bench.sh [both|h2|postgres]     (default both; about 6 minutes per database on 2 cores)
#   BENCH_REUSE_DATA=1 scripts/bench.sh h2  re-runs the cases on the data the last run generated
# For each database it generates the large-group data set (scripts/generate.sh, seed 42), times the
# service's start (plain, CDS, Spring AOT + CDS: scripts/startup.sh), then drives the running jar
# from wrk (a second process, over loopback, every
# request signed in with HTTP Basic as a real client would) through the cases of the issue, times
# the hand-written floor query, measures the heap after a full GC, and keeps a JFR profile.
# It prints one table and writes it, with the machine's description, to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
which_dbs=${1:-both}
jar=target/iop-scheduler-1.0.0-SNAPSHOT.jar
out=target/bench
port=18080
base=http://127.0.0.1:$port
mkdir -p "$out"

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
# the service's jar and the bench jar (generator, floor runner) beside it
[ -f "$jar" ] && ls target/iop-scheduler-*-bench.jar >/dev/null 2>&1 || ./mvnw -B -q -Pbench -DskipTests package
. scripts/lib/jar.sh
if curl -fs "$base/actuator/health" >/dev/null 2>&1; then
  echo "something already answers on port $port; stop it first" >&2; exit 1
fi
app_jar=target/app/iop-scheduler-1.0.0-SNAPSHOT.jar
# the fast start: Spring AOT with its CDS archive (scripts/pack.sh), as the service is meant to run
fast=(-XX:SharedArchiveFile=target/app/app.jsa -Dspring.aot.enabled=true -jar "$app_jar")
[ target/app/app.jsa -nt "$jar" ] || bash scripts/pack.sh >/dev/null

. scripts/lib/start.sh
trap stop_app EXIT

# wrk <case> <threads> <connections> <seconds> <file>: prints the RESULT json line
load() {
  wrk -t"$2" -c"$3" -d"$4"s --timeout 10s -s scripts/bench/requests.lua "$base" -- "$5" "$1" "$2" \
    | sed -n 's/^RESULT //p'
}

run_db() {
  local db=$1 result="$out/results-$1.json"
  local generate
  if [ -n "${BENCH_REUSE_DATA:-}" ] && [ -f "$out/$db-generate.seconds" ]; then
    generate=$(cat "$out/$db-generate.seconds")   # a quicker re-run on the data already there
  else
    echo "== $db: generating the data set" >&2
    local t0; t0=$(date +%s.%N)
    bash scripts/generate.sh "$db" 42 >"$out/$db-generate.log" 2>&1
    generate=$(since "$t0")
    echo "$generate" >"$out/$db-generate.seconds"
  fi

  echo "== $db: start-up, three times each: plain jar, CDS, Spring AOT + CDS (scripts/startup.sh)" >&2
  STARTUP_PORT=$port bash scripts/startup.sh "$db" 3

  echo "== $db: the cases (with a JFR recording)" >&2
  datasource "$db"
  start_app "$db" "-XX:StartFlightRecording=filename=$out/$db.jfr,settings=profile,dumponexit=true" "${fast[@]}"
  python3 scripts/bench/prepare.py "$base" "$out" >"$out/$db-prepare.json"

  load program-report 4 16 5 "$out/program-report.txt" >/dev/null      # warm-up
  local program; program=$(load program-report 4 16 20 "$out/program-report.txt")
  load org-report 1 1 5 "$out/org-report.txt" >/dev/null
  local org; org=$(load org-report 1 1 20 "$out/org-report.txt")
  # the warm-up also signs the 128 participants in once each (bcrypt), as their apps would have
  load schedule 4 32 15 "$out/schedule.txt" >/dev/null
  local schedule; schedule=$(load schedule 4 32 20 "$out/schedule.txt")
  load marks 16 16 5 "$out/marks.txt" >/dev/null
  local marks; marks=$(load marks 16 16 15 "$out/marks.txt")

  local year
  year=$(curl -fs -o "$out/$db-year.json" -w '%{time_total}' -X POST -u bench-coordinator:bench-password-1 \
    "$base/api/calendar/sessions?from=2027-01-01&to=2027-12-31")

  jcmd "$app_pid" GC.run >/dev/null
  local heap; heap=$(jcmd "$app_pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
  stop_app

  echo "== $db: the floor query" >&2
  datasource "$db"
  local week; week=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["week"])' "$out/$db-prepare.json")
  local floor
  floor=$(IOP_JAR=$jar bench_run org.iopscheduler.bench.OrgDoseFloor "$url" "$user" "$password" "$week" 20 \
      | python3 -c 'import re, sys, json
m = re.search(r"rows=(\d+) iterations=(\d+) median_ms=([\d.]+) p99_ms=([\d.]+)", sys.stdin.read())
print(json.dumps({"rows": int(m[1]), "iterations": int(m[2]), "median_ms": float(m[3]), "p99_ms": float(m[4])}))')

  echo "== $db: the stored weekly dose, recounted from the raw tables after the cases" >&2
  java -jar "$jar" --spring.main.web-application-type=none --iop.verify-dose --spring.datasource.url="$url" \
    --spring.datasource.username="$user" --spring.datasource.password="$password" >"$out/$db-verify-dose.txt"
  grep -E 'dose verified|stored|counted' "$out/$db-verify-dose.txt" >&2

  python3 - "$result" <<PY
import json, sys
json.dump({"db": "$db", "generate_s": $generate, "startup": json.load(open("$out/startup-$db.json"))["runs"],
           "program_report": $program, "org_report": $org, "schedule": $schedule, "marks": $marks,
           "year_s": $year, "year": json.load(open("$out/$db-year.json")), "heap_kib": ${heap:-0},
           "floor": $floor, "prepare": json.load(open("$out/$db-prepare.json"))}, open(sys.argv[1], "w"), indent=1)
PY
  jfr print --events jdk.ExecutionSample --stack-depth 12 "$out/$db.jfr" >"$out/$db-samples.txt" || true
}

case "$which_dbs" in
  both) run_db h2; run_db postgres ;;
  h2|postgres) run_db "$which_dbs" ;;
  *) echo "usage: scripts/bench.sh [both|h2|postgres]" >&2; exit 2 ;;
esac
python3 scripts/bench/report.py "$out" docs/performance.md
