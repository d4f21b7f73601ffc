#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the PostgreSQL connection store's tests, and stops it.
#   source .ci/postgres.sh && postgres_start   → exports LEDGERLINE_TEST_POSTGRES (an Npgsql connection string)
#   postgres_stop                               → stops the server and removes the cluster
# Installs Debian's postgresql package when no server binaries are found and apt-get can run (CI runs as root).
# Outside CI a failure only prints why: the tests then skip with that reason. In CI (CI=true) the tests refuse to skip.

postgres_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

postgres_start() {
  local bin
  if ! bin=$(postgres_bin); then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "PostgreSQL not found: installing Debian's postgresql package"
      # Only the binaries: no default cluster on port 5432 left running after CI.
      if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        mkdir -p /etc/postgresql-common && echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
      fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1; } \
        || echo "(apt-get install postgresql failed)"
    fi
    bin=$(postgres_bin) || { echo "PostgreSQL is not available: the PostgreSQL store's tests will skip (or fail in CI)."; return 1; }
  fi

  # The server refuses to run as root: run it as 'postgres' (the package creates that user) when we are root.
  local runas=()
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || return 1
    runas=(runuser -u postgres --)
  fi

  PG_TEST_DIR=$(mktemp -d /tmp/ledgerline-pg.XXXXXX)
  chmod 755 "$PG_TEST_DIR"
  [ "${#runas[@]}" -gt 0 ] && chown postgres "$PG_TEST_DIR"
  local port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

  PG_TEST_BIN=$bin
  PG_TEST_RUNAS=("${runas[@]}")
  "${runas[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { echo "initdb failed:"; cat "$PG_TEST_DIR/initdb.log"; return 1; }
  "${runas[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c max_connections=200" start >/dev/null \
    || { echo "PostgreSQL did not start:"; cat "$PG_TEST_DIR/server.log"; return 1; }
  export LEDGERLINE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port (cluster in $PG_TEST_DIR)"
}

postgres_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  if [ -n "${PG_TEST_BIN:-}" ]; then
    "${PG_TEST_RUNAS[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 && echo "PostgreSQL stopped"
  fi
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=
}
