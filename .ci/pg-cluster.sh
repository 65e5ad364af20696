# A throwaway PostgreSQL cluster for the tests: source this file, then `pg_cluster_start`.
# initdb into a temporary folder owned by the postgres user (the server refuses to run as root),
# a free port, trust authentication on 127.0.0.1 only; stopped and removed by `pg_cluster_stop`
# (which pg_cluster_start registers as an EXIT trap). Exports ZQ_TEST_PG_URL.

pg_cluster_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_cluster_as_owner() {
  # Run a command as the cluster's owner: the postgres user when we are root, else ourselves.
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local bin port
  bin="$(pg_cluster_bin)" || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PG_CLUSTER_DIR="$(mktemp -d "${TMPDIR:-/tmp}/zq-pg.XXXXXX")"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_CLUSTER_DIR"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  pg_cluster_as_owner "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 \
    || { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  # Test settings: durability off (a crash loses a throwaway cluster, nothing else).
  pg_cluster_as_owner "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w \
    -o "-p $port -k $PG_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
  PG_CLUSTER_BIN="$bin"
  export ZQ_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  trap pg_cluster_stop EXIT
  echo "PostgreSQL test cluster on port $port ($ZQ_TEST_PG_URL)"
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
  pg_cluster_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_CLUSTER_DIR"
  PG_CLUSTER_DIR=""
}
