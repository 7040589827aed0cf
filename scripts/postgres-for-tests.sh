# Sourced by .ci/run (or by hand): starts a private, throw-away PostgreSQL on a free loopback port
# and exports SPRING_DATASOURCE_URL/USERNAME/PASSWORD for it. Stop it with tonal_pg_stop.
# Needs the PostgreSQL server binaries (Debian: apt-get install postgresql). As root, the server
# runs as the 'postgres' user, because PostgreSQL refuses to run as root.

tonal_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && echo "$d"; done | sort -V | tail -n1
}

tonal_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return 0
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}

tonal_pg_start() {
  local bin; bin=$(tonal_pg_bin)
  if [ -z "$bin" ]; then echo "postgres-for-tests: no PostgreSQL server binaries found" >&2; return 1; fi
  TONAL_PG_DIR=$(mktemp -d /tmp/tonal-pg.XXXXXX)
  TONAL_PG_PORT=$(tonal_free_port)
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres: "$TONAL_PG_DIR"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$TONAL_PG_DIR/data" -U tonal --auth=trust -E UTF8 >"$TONAL_PG_DIR/initdb.log" 2>&1 \
    || { cat "$TONAL_PG_DIR/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$TONAL_PG_DIR/data" -l "$TONAL_PG_DIR/server.log" -w -t 60 \
    -o "-p $TONAL_PG_PORT -k $TONAL_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null \
    || { cat "$TONAL_PG_DIR/server.log" >&2; return 1; }
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$TONAL_PG_PORT" -U tonal tonal
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$TONAL_PG_PORT/tonal"
  export SPRING_DATASOURCE_USERNAME=tonal
  export SPRING_DATASOURCE_PASSWORD=tonal
  export TONAL_PG_DIR TONAL_PG_PORT
  echo "postgres-for-tests: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$TONAL_PG_PORT ($TONAL_PG_DIR)"
}

tonal_pg_stop() {
  [ -n "${TONAL_PG_DIR:-}" ] || return 0
  local bin run=(); bin=$(tonal_pg_bin)
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$bin/pg_ctl" -D "$TONAL_PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$TONAL_PG_DIR"
  unset TONAL_PG_DIR
}
