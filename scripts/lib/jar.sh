# Sourced by the scripts that drive the packaged service: service_jar [JAR] prints the jar's absolute
# path (the given one, else the one in target/, built first if missing). Run from the project root.
service_jar() {
  local jar=${1:-$(ls target/iop-scheduler-*.jar 2>/dev/null | grep -v -e '-plain' -e '-bench' | head -n 1 || true)}
  if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    ./mvnw -B -q -DskipTests package >&2
    jar=$(ls target/iop-scheduler-*.jar | grep -v -e '-plain' -e '-bench' | head -n 1)
  fi
  echo "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
}

# bench_jar prints the absolute path of the benchmark's jar (the generator and the floor runner, no
# part of the service's jar), built with -Pbench first if missing (rebuild it with -Pbench after a change).
bench_jar() {
  local jar; jar=$(ls target/iop-scheduler-*-bench.jar 2>/dev/null | head -n 1 || true)
  if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    ./mvnw -B -q -Pbench -DskipTests package >&2
    jar=$(ls target/iop-scheduler-*-bench.jar | head -n 1)
  fi
  echo "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
}

# bench_run <main class> <args...>: runs a class of the bench jar on the service jar's classpath
# (Spring Boot's PropertiesLauncher adds the bench jar through loader.path). JAVA_OPTS: extra JVM options.
bench_run() {
  local main=$1; shift
  local service bench
  service=$(service_jar "${IOP_JAR:-}"); bench=$(bench_jar)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -Dloader.path="$bench" -Dloader.main="$main" -cp "$service" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

# fast_service_args prints the java arguments of the fast start (scripts/pack.sh: Spring AOT with its CDS archive in
# target/app), packing first when target/app is missing or older than the jar in target/:
#   java -Xmx384m $(fast_service_args) --server.port=...
fast_service_args() {
  local name=iop-scheduler-1.0.0-SNAPSHOT
  if [ ! -f target/app/app.jsa ] || [ target/$name.jar -nt target/app/app.jsa ]; then
    bash scripts/pack.sh target/app >&2
  fi
  echo "-XX:SharedArchiveFile=$PWD/target/app/app.jsa -Dspring.aot.enabled=true -jar $PWD/target/app/$name.jar"
}
