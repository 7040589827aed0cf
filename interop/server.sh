# Sourced by the interop scripts: runs one Tonal server (app/target/tonal.jar) for a test run,
# on free loopback ports with a temporary work directory, and stops it again on exit.
#
#   . "$root/interop/server.sh"
#   tonal_server_start interop [extra server arguments…]
#
# Needs $root (the repository) and JAVA_HOME (bin/jdk.sh). Sets: work (the work directory; the
# server logs to $work/server.log), server_pid, http_port, sip_port, rtp_range, admin
# ("id:secret" of the bootstrap admin app) and base (the HTTP base URL). On exit the server is
# stopped and the work directory removed, unless KEEP is set.

free_port() { python3 "$root/interop/free_port.py" "$@"; }

tonal_server_start() {
  local name=$1
  shift
  work=$(mktemp -d "/tmp/tonal-$name.XXXXXX")
  server_pid=
  trap "tonal_server_stop '$name'" EXIT
  trap 'exit 130' INT TERM
  http_port=$(free_port)
  sip_port=$(free_port)
  rtp_range=$(free_port --range 200)
  admin=$name-admin:$name-admin-secret-$RANDOM$RANDOM
  base=http://127.0.0.1:$http_port
  TONAL_ADMIN_CLIENT_ID=${admin%%:*} TONAL_ADMIN_CLIENT_SECRET=${admin#*:} \
    "$JAVA_HOME/bin/java" -Xmx512m -jar "$root/app/target/tonal.jar" \
    --server.address=127.0.0.1 --server.port="$http_port" --tonal.data-dir="$work/data" \
    --tonal.sip.host=127.0.0.1 --tonal.sip.port="$sip_port" --tonal.sip.public-address=127.0.0.1 \
    --tonal.rtp.ports="$rtp_range" "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
}

tonal_server_stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null
  fi
  if [ -n "${KEEP:-}" ]; then echo "$1: work directory kept: $work"; else rm -rf "$work"; fi
}
