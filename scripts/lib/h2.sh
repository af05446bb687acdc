# Sourced by backup-h2.sh and restore-h2.sh: finds the service's jar and the H2 tools inside it.
#   IOP_JAR   the service's jar (default: the one in target/)
#   H2_USER / H2_PASSWORD   the database's credentials (default sa / empty, as in application.properties)
H2_USER=${H2_USER:-sa}
H2_PASSWORD=${H2_PASSWORD:-}

h2_tools() {
  local jar=${IOP_JAR:-$(ls target/iop-scheduler-*.jar 2>/dev/null | grep -v -e '-plain' | head -n 1 || true)}
  if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    echo "no service jar: build it (./mvnw -DskipTests package) or set IOP_JAR" >&2
    return 1
  fi
  H2_JAR=$(mktemp --suffix=.jar)
  local entry
  entry=$(unzip -Z1 "$jar" 'BOOT-INF/lib/h2-*.jar' | head -n 1)
  unzip -p "$jar" "$entry" >"$H2_JAR"
}

# jdbc URL of the file database at the path (without .mv.db), refusing to open one another process holds
h2_url() {
  echo "jdbc:h2:file:$1;IFEXISTS=TRUE"
}

in_use_hint() {
  echo "the database is in use: stop the service first (SIGTERM waits for requests in flight), then run this again" >&2
}
