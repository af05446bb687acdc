# Sourced by the scripts that time the packaged service's start (bench.sh, startup.sh). Run from the project root.
# The caller sets port and out (a folder for the logs), and url, user, password (the database), or calls
#   datasource <h2|postgres>                          the benchmark's data set: $BENCH_H2_DIR/iop (default
#       target/bench/h2), or the PostgreSQL database $BENCH_PG_DATABASE (default iop_bench) on 127.0.0.1:5432
#   start_app <name> <java options...> -jar <jar>   starts it on $port; sets app_pid, started_in (seconds from exec
#       to /actuator/health UP, as a load balancer sees it) and cpu_s (CPU seconds the JVM had used by then: on a
#       busy machine the wall clock says how busy the machine was, the CPU seconds what the start costs)
#   first_requests                                   sets first_ms: the first sign-in page and the first signed-in
#       API call after healthy (what a lazy start would have moved there), as "page/api" milliseconds
#   stop_app                                         stops it (SIGTERM, graceful)
# START_NICE=-10 runs the timed JVM at that nice level (how start-up was measured while other builds shared the cores).
app_pid=
datasource() {
  if [ "$1" = h2 ]; then
    url="jdbc:h2:file:$PWD/${BENCH_H2_DIR:-target/bench/h2}/iop;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"; user=sa; password=
  else
    url="jdbc:postgresql://127.0.0.1:5432/${BENCH_PG_DATABASE:-iop_bench}?reWriteBatchedInserts=true"
    user=postgres; password=
  fi
}

since() { python3 -c 'import sys, time; print(round(time.time() - float(sys.argv[1]), 3))' "$1"; }

start_app() {
  local name=$1; shift
  local t0; t0=$(date +%s.%N)
  local nice=()
  [ -n "${START_NICE:-}" ] && nice=(nice -n "$START_NICE")
  SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD="$password" \
    "${nice[@]}" java "$@" --server.port="$port" >"$out/$name-app.log" 2>&1 &
  app_pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the service died; see $out/$name-app.log" >&2; return 1; }
    sleep 0.02
  done
  started_in=$(since "$t0")
  # utime + stime of the JVM, in clock ticks
  cpu_s=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$app_pid/stat")
}

first_requests() {
  local base="http://127.0.0.1:$port" page api
  page=$(curl -fs -o /dev/null -w '%{time_total}' "$base/login")
  api=$(curl -fs -o /dev/null -w '%{time_total}' -u "${FIRST_REQUEST_USER:-bench-coordinator:bench-password-1}" \
    "$base/api/programs")
  first_ms=$(python3 -c 'import sys; print("%d/%d" % (float(sys.argv[1]) * 1000, float(sys.argv[2]) * 1000))' "$page" "$api")
}

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}
