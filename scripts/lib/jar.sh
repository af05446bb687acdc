# Sourced by the scripts that drive the packaged service: service_jar [JAR] prints the jar's absolute
# path (the given one, else the one in target/, built first if missing). Run from the project root.
service_jar() {
  local jar=${1:-$(ls target/iop-scheduler-*.jar 2>/dev/null | grep -v -e '-plain' | head -n 1 || true)}
  if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    ./mvnw -B -q -DskipTests package >&2
    jar=$(ls target/iop-scheduler-*.jar | grep -v -e '-plain' | head -n 1)
  fi
  echo "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
}
