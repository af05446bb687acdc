#!/usr/bin/env bash
# The benchmark's data (issue 6): 200 programs, 3,000 blocks, 20,000 participants, about 60,000 sessions and
# 1.1 million attendance marks, the same for the same seed, written into a fresh database.
#   scripts/generate.sh [h2|postgres] [seed]      (defaults: h2 42)
#   h2:       the file database target/bench/h2/iop (deleted first; BENCH_H2_DIR=target/bench/h2-large: another folder)
#   postgres: the database iop_bench on 127.0.0.1:5432 (dropped and created again; user postgres, trust auth;
#             BENCH_PG_DATABASE=iop_bench_large: another database)
# Every account's password is bench-password-1: bench-coordinator, bench-counselor-0001.., bench-p00001..
# Then run the service on the same database with the URL printed at the end.
# The generator is no part of the service's jar: it lives in the bench jar (./mvnw -Pbench package,
# built here if missing) and runs on the service jar's classpath (scripts/lib/jar.sh bench_run).
# Sizes: GENERATE_ARGS, e.g. "--iop.generate.programs=5 --iop.generate.participants-per-program=10".
# IOP_JAR: the service's jar (default: the one in target/). JAVA_OPTS: extra JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:-h2}
seed=${2:-42}
. scripts/lib/jar.sh
jar=$(service_jar "${IOP_JAR:-}")
case "$database" in
  h2)
    dir=${BENCH_H2_DIR:-target/bench/h2}
    rm -rf "$dir"
    mkdir -p "$dir"
    url="jdbc:h2:file:$PWD/$dir/iop;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
    user=sa
    ;;
  postgres)
    . scripts/lib/postgres.sh
    ensure_postgres
    name=${BENCH_PG_DATABASE:-iop_bench}
    psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $name with (force)" \
      -c "create database $name"
    url="jdbc:postgresql://$PGHOST:$PGPORT/$name?reWriteBatchedInserts=true"
    user=$PGUSER
    ;;
  *)
    echo "usage: scripts/generate.sh [h2|postgres] [seed]" >&2
    exit 1
    ;;
esac
# shellcheck disable=SC2086
IOP_JAR=$jar bench_run org.iopscheduler.bench.DataGenerator --iop.generate.seed="$seed" ${GENERATE_ARGS:-} \
  --spring.datasource.url="$url" --spring.datasource.username="$user" --spring.datasource.password="${PGPASSWORD:-}"
echo "Start the service on it with: java -jar $jar --spring.datasource.url='$url' --spring.datasource.username=$user"
