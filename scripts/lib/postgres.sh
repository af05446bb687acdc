# Sourced by the scripts that need the local PostgreSQL server (127.0.0.1:5432, trust authentication).
# PGHOST/PGPORT/PGUSER override the defaults; the local cluster is started only when it is the one asked for.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

ensure_postgres() {
  if pg_isready -q -h "$PGHOST" -p "$PGPORT"; then return 0; fi
  if [ "$PGHOST" = 127.0.0.1 ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "PostgreSQL is down: starting cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PGHOST" -p "$PGPORT" && return 0
    sleep 1
  done
  echo "PostgreSQL at $PGHOST:$PGPORT is not accepting connections" >&2
  return 1
}
