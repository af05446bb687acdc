#!/usr/bin/env bash
# The performance benchmark of issues #6 and #13, on H2 and on PostgreSQL:
#   scripts/bench.sh [both|h2|postgres]     (default both; about 12 minutes per database on 2 cores)
#   BENCH_REUSE_DATA=1 scripts/bench.sh h2  re-runs the cases on the data sets the last run generated
# For each database, on two data sets, the default one (200 programs, 20,000 participants) and one twice as
# large (400 programs, 40,000 participants), both seed 42 (scripts/generate.sh), it drives the running jar (the
# fast start, Spring AOT + CDS) from wrk (a second process, over loopback, every request signed in with HTTP Basic
# as a real client would) through the cases of the issue, each one warm-up and then BENCH_RUNS timed runs; makes a
# year of dated sessions BENCH_RUNS times, each on a fresh year; measures the heap after a full GC; times the two
# floors of the organisation report (the best recount SQL and a plain read of the stored rows) and checks the
# recount gives the service's numbers; recounts the stored weekly dose from the raw tables (--iop.verify-dose);
# keeps a JFR profile. Start-up (scripts/startup.sh) is timed on the default data set only.
# It prints one table per database and writes them, with the machine's description, to BENCH_REPORT.
# Settings (environment):
#   BENCH_SMALL / BENCH_LARGE   the generator's arguments of the two sets (default "" / "--iop.generate.programs=400")
#   BENCH_SECONDS (8), BENCH_WARMUP (5), BENCH_RUNS (3)   seconds of each timed run, of each warm-up, runs per case
#   BENCH_STARTUP_RUNS (3), BENCH_STARTUP_OTHER_RUNS (1)  starts of AOT + CDS, and of the plain jar and CDS alone
#   BENCH_FLOOR_ITERATIONS (20)   runs of each floor statement; BENCH_PORT (18080) the service's port;
#   BENCH_OUT (target/bench) the folder of the results and logs
#   BENCH_REPORT (docs/performance.md)   where the report goes; a trial run on a tiny set writes elsewhere:
#     BENCH_SMALL=--iop.generate.programs=6 BENCH_LARGE=--iop.generate.programs=12 BENCH_SECONDS=2 BENCH_WARMUP=1 \
#       BENCH_REPORT=target/bench/tiny.md BENCH_PG_DATABASE=iop_bench_tiny scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
which_dbs=${1:-both}
jar=target/iop-scheduler-1.0.0-SNAPSHOT.jar
out=${BENCH_OUT:-target/bench}
port=${BENCH_PORT:-18080}
base=http://127.0.0.1:$port
seconds=${BENCH_SECONDS:-8}
warmup=${BENCH_WARMUP:-5}
runs=${BENCH_RUNS:-3}
report=${BENCH_REPORT:-docs/performance.md}
pg_base=${BENCH_PG_DATABASE:-iop_bench}
declare -A set_args=([small]="${BENCH_SMALL-}" [large]="${BENCH_LARGE---iop.generate.programs=400}")
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

# measure <case> <threads> <connections> <file> [warm-up seconds]: one warm-up, then $runs timed runs; prints
# {"runs": [RESULT, ...]} (report.py takes the median of the runs and their spread)
measure() {
  load "$1" "$2" "$3" "${5:-$warmup}" "$4" >/dev/null
  local results=()
  for _ in $(seq 1 "$runs"); do results+=("$(load "$1" "$2" "$3" "$seconds" "$4")"); done
  local IFS=,
  echo "{\"runs\": [${results[*]}]}"
}

# the data set of a size: its own H2 folder or PostgreSQL database, so both sizes stay for BENCH_REUSE_DATA
use_set() {
  if [ "$1" = small ]; then
    export BENCH_H2_DIR=target/bench/h2 BENCH_PG_DATABASE=$pg_base
  else
    export BENCH_H2_DIR=target/bench/h2-$1 BENCH_PG_DATABASE=${pg_base}_$1
  fi
}

run_set() {
  local db=$1 set=$2 tag=$1-$2 result="$out/results-$1-$2.json"
  use_set "$set"
  local generate
  if [ -n "${BENCH_REUSE_DATA:-}" ] && [ -f "$out/$tag-generate.seconds" ]; then
    generate=$(cat "$out/$tag-generate.seconds")   # a quicker re-run on the data already there
  else
    echo "== $tag: generating the data set (${set_args[$set]:-the default size})" >&2
    local t0; t0=$(date +%s.%N)
    GENERATE_ARGS="${set_args[$set]}" bash scripts/generate.sh "$db" 42 >"$out/$tag-generate.log" 2>&1
    generate=$(since "$t0")
    echo "$generate" >"$out/$tag-generate.seconds"
    rm -f "$out/$tag-next-year"
  fi

  local startup=None
  if [ "$set" = small ]; then
    echo "== $tag: start-up: Spring AOT + CDS ${BENCH_STARTUP_RUNS:-3} times, plain jar and CDS ${BENCH_STARTUP_OTHER_RUNS:-1} (scripts/startup.sh)" >&2
    STARTUP_PORT=$port STARTUP_OTHER_RUNS=${BENCH_STARTUP_OTHER_RUNS:-1} bash scripts/startup.sh "$db" "${BENCH_STARTUP_RUNS:-3}"
    startup=$(cat "$out/startup-$db.json")
  fi

  echo "== $tag: the cases, $runs runs of $seconds s each after a warm-up (with a JFR recording)" >&2
  datasource "$db"
  start_app "$tag" "-XX:StartFlightRecording=filename=$out/$tag.jfr,settings=profile,dumponexit=true" "${fast[@]}"
  python3 scripts/bench/prepare.py "$base" "$out" >"$out/$tag-prepare.json"
  local counselors; counselors=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counselors"])' "$out/$tag-prepare.json")

  local program program1 org schedule marks
  program=$(measure program-report 4 16 "$out/program-report.txt")
  program1=$(measure program-report 1 1 "$out/program-report.txt")
  org=$(measure org-report 1 1 "$out/org-report.txt")
  # the longer warm-up also signs the 128 participants in once each (bcrypt), as their apps would have
  schedule=$(measure schedule 4 32 "$out/schedule.txt" $((warmup * 3)))
  marks=$(measure marks "$counselors" "$counselors" "$out/marks.txt")

  # a year of dated sessions, each run on a year no run made before (2027 on; on reused data, after the last run's)
  local years=() made=() year first
  first=$(cat "$out/$tag-next-year" 2>/dev/null || echo 2027)
  for n in $(seq 1 "$runs"); do
    year=$((first + n - 1))
    made+=("\"$out/$tag-year-$year.json\"")
    years+=("$(curl -fs -o "$out/$tag-year-$year.json" -w '%{time_total}' -X POST \
      -u bench-coordinator:bench-password-1 "$base/api/calendar/sessions?from=$year-01-01&to=$year-12-31")")
  done
  echo $((first + runs)) >"$out/$tag-next-year"

  # the service's own report of the week the floors are timed on, to check the recount floor against
  local week; week=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["week"])' "$out/$tag-prepare.json")
  curl -fs -u bench-coordinator:bench-password-1 "$base/api/dosage?week=$week" >"$out/$tag-org.json"

  jcmd "$app_pid" GC.run >/dev/null
  local heap; heap=$(jcmd "$app_pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
  stop_app

  echo "== $tag: the floors of the organisation report" >&2
  IOP_JAR=$jar bench_run org.iopscheduler.bench.OrgDoseFloor "$url" "$user" "$password" "$week" \
    "${BENCH_FLOOR_ITERATIONS:-20}" >"$out/$tag-floor.txt"
  python3 scripts/bench/floor.py "$out/$tag-floor.txt" "$out/$tag-org.json" >"$out/$tag-floor.json"

  echo "== $tag: the stored weekly dose, recounted from the raw tables after the cases" >&2
  java -jar "$jar" --spring.main.web-application-type=none --iop.verify-dose --spring.datasource.url="$url" \
    --spring.datasource.username="$user" --spring.datasource.password="$password" >"$out/$tag-verify-dose.txt"
  grep -E 'dose verified|stored|counted' "$out/$tag-verify-dose.txt" >&2 || true

  local IFS=,
  python3 - "$result" <<PY
import json, re, sys
json.dump({"db": "$db", "set": "$set", "args": "${set_args[$set]}", "generate_s": $generate, "startup": $startup,
           "program_report": $program, "program_report_1": $program1, "org_report": $org, "schedule": $schedule,
           "marks": $marks, "year_s": [${years[*]}],
           "year": [json.load(open(f)) for f in [${made[*]}]],
           "heap_kib": ${heap:-0}, "floor": json.load(open("$out/$tag-floor.json")),
           "verify_dose": bool(re.search(r"dose verified: \d+ enrollment-weeks, 0 differences",
                                         open("$out/$tag-verify-dose.txt").read())),
           "prepare": json.load(open("$out/$tag-prepare.json"))}, open(sys.argv[1], "w"), indent=1)
PY
  jfr print --events jdk.ExecutionSample --stack-depth 12 "$out/$tag.jfr" >"$out/$tag-samples.txt" || true
}

run_db() {
  rm -f "$out/results-$1-"*.json
  run_set "$1" small
  run_set "$1" large
}

case "$which_dbs" in
  both) run_db h2; run_db postgres ;;
  h2|postgres) run_db "$which_dbs" ;;
  *) echo "usage: scripts/bench.sh [both|h2|postgres]" >&2; exit 2 ;;
esac
python3 scripts/bench/report.py "$out" "$report"
