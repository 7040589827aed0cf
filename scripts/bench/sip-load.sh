#!/usr/bin/env bash
# SIP load benchmark: how many concurrent IVR calls one Tonal node holds with prompts playing
# and a key press answered, and how evenly it sends RTP meanwhile.
#
#   scripts/bench/sip-load.sh [CALLS ...]        # default: 50 100 200; run as root (packet capture)
#   HOLD_S=45 RATE=20 scripts/bench/sip-load.sh 100 300
#
# It starts the server jar (app/target/tonal.jar; built when missing) on free loopback ports
# with a temporary data directory, creates the bench IVR over the API (a long background
# prompt; key 1 is answered by setting a variable and playing the prompt again), then for each
# CALLS value:
#   - sipp places CALLS calls at RATE calls/s; each listens HOLD_S/2 s, presses 1 (SIP INFO),
#     listens HOLD_S/2 s more and hangs up, so all CALLS calls are up together for a while;
#   - while all of them are up, dumpcap captures the server's outgoing RTP on lo, and the
#     server's CPU time is sampled;
#   - sipp's counts, the call history (calls stored, calls whose trace shows the key answered),
#     the RTP send-interval jitter and the share of due packets the server sent (rtp_jitter.py
#     over tshark's fields) are printed.
# It stops at the first CALLS value where a call failed or a key went unanswered. Nothing here
# is a test: the figures go to docs/benchmarks.md with the command and the machine.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$root/scripts/bench
interop=$root/interop
hold_s=${HOLD_S:-45}
rate=${RATE:-20}
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(50 100 200)
say() { printf '[bench %4ss] %s\n' "$SECONDS" "$*"; }

need=()
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
command -v tshark >/dev/null 2>&1 || need+=(tshark)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v sox >/dev/null 2>&1 || need+=(sox)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null || exit 1
fi

. "$root/bin/jdk.sh"
tonal_find_jdk || exit 1
jar=$root/app/target/tonal.jar
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -DskipTests -pl app -am package) || exit 1

work=$(mktemp -d /tmp/tonal-bench.XXXXXX)
server_pid=
sipp_pid=
cleanup() {
  [ -n "$sipp_pid" ] && kill "$sipp_pid" 2>/dev/null
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null
  fi
  if [ -n "${KEEP:-}" ]; then echo "bench: work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

max_calls=0
for n in "${steps[@]}"; do [ "$n" -gt "$max_calls" ] && max_calls=$n; done
free_port() { python3 "$interop/free_port.py" "$@"; }
http_port=$(free_port)
sip_port=$(free_port)
rtp_range=$(free_port --range $((max_calls * 2 + 100)))
admin=bench-admin:bench-admin-secret-$RANDOM$RANDOM
base=http://127.0.0.1:$http_port
jvm_opts=${TONAL_JAVA_OPTS:--Xmx1g}
# GC pauses go to a log so that RTP stalls can be told apart from them.
gc_log=$work/gc.log

say "server: $jar, JVM options $jvm_opts, HTTP $http_port, SIP $sip_port, RTP $rtp_range"
# shellcheck disable=SC2086 # jvm_opts is a list of options
TONAL_ADMIN_CLIENT_ID=${admin%%:*} TONAL_ADMIN_CLIENT_SECRET=${admin#*:} \
  "$JAVA_HOME/bin/java" $jvm_opts "-Xlog:gc:file=$gc_log" -jar "$jar" \
  --server.address=127.0.0.1 --server.port="$http_port" --tonal.data-dir="$work/data" \
  --tonal.sip.host=127.0.0.1 --tonal.sip.port="$sip_port" --tonal.sip.public-address=127.0.0.1 \
  --tonal.rtp.ports="$rtp_range" >"$work/server.log" 2>&1 &
server_pid=$!
python3 "$interop/tonal_api.py" wait --base "$base" --admin "$admin" --timeout 180 || { tail -n 30 "$work/server.log"; exit 1; }
python3 "$interop/wait_port.py" "$sip_port" 30 || { say "the server does not listen for SIP on $sip_port"; tail -n 30 "$work/server.log"; exit 1; }

"$interop/make-audio.sh" "$work/prompts" && sox "$work/prompts/hello.wav" "$work/prompts/long.wav" repeat 35 || exit 1
python3 "$interop/tonal_api.py" setup-bench --base "$base" --admin "$admin" --prompts "$work/prompts" --out "$work/ivr.json" || exit 1
did=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["did"])' "$work/ivr.json")
rtp_low=${rtp_range%-*}
rtp_high=${rtp_range#*-}
half_ms=$((hold_s * 1000 / 2))
sed -e "s/@FIRST_MS@/$half_ms/" -e "s/@REST_MS@/$half_ms/" "$here/uac_hold.xml.in" >"$work/uac_hold.xml"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

echo
printf '%-6s %-9s %-7s %-8s %-8s %-8s %-8s %-7s %-9s %-6s %-6s %s\n' calls succeeded failed answered "p50 ms" "p99 ms" "max ms" ">40 ms" intervals sent cores load
for n in "${steps[@]}"; do
  caller=88$n
  ramp_s=$(( (n + rate - 1) / rate ))
  window_s=$((hold_s - ramp_s - 6))
  if [ "$window_s" -lt 5 ]; then
    say "$n calls at $rate/s take ${ramp_s}s to start: raise HOLD_S (now $hold_s) so all are up together for 5 s or more"
    exit 1
  fi
  # sipp's media ports (two per call from -mp up) stay below the server's RTP range (>= 20000).
  (cd "$work" && timeout $((ramp_s + hold_s + 120)) sipp -sf "$work/uac_hold.xml" "127.0.0.1:$sip_port" -s "$did" \
    -key caller "$caller" -i 127.0.0.1 -p "$(free_port)" -mi 127.0.0.1 -mp $((1100 + RANDOM % 4000)) \
    -m "$n" -l "$n" -r "$rate" -nostdin -timeout $((ramp_s + hold_s + 90))s >"$work/sipp-$n.log" 2>&1) &
  sipp_pid=$!
  sleep $((ramp_s + 3))
  ticks_before=$(cpu_ticks)
  gc_lines_before=$(wc -l <"$gc_log")
  timeout $((window_s + 30)) dumpcap -q -i lo -f "udp and src portrange $rtp_low-$rtp_high" -s 128 \
    -a "duration:$window_s" -w "$work/rtp-$n.pcapng" 2>"$work/dumpcap-$n.log"
  ticks_after=$(cpu_ticks)
  load=$(cut -d' ' -f1 /proc/loadavg)
  # "[12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 60M->12M(1024M) 3.456ms"
  gc=$(tail -n +"$((gc_lines_before + 1))" "$gc_log" | python3 -c '
import re, sys
pauses = [float(m.group(1)) for m in (re.search(r"Pause.* ([0-9.]+)ms$", l.strip()) for l in sys.stdin) if m]
print("%d GC pauses in the capture window, longest %.1f ms" % (len(pauses), max(pauses, default=0)))')
  wait "$sipp_pid"
  sipp_status=$?
  sipp_pid=
  # sipp's last statistics screen: "Successful call | periodic | cumulative".
  succeeded=$(awk '/Successful call/ {print $NF}' "$work/sipp-$n.log" | tail -n1)
  failed=$(awk '/Failed call/ {print $NF}' "$work/sipp-$n.log" | tail -n1)
  stored=$(python3 "$interop/tonal_api.py" count --ivr "$work/ivr.json" --caller "$caller")
  answered=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["answered"])' "$stored" 2>/dev/null || echo "?")
  jitter=$(tshark -r "$work/rtp-$n.pcapng" -o rtp.heuristic_rtp:TRUE -Y rtp -T fields \
    -e frame.time_epoch -e rtp.ssrc -e rtp.seq -e rtp.timestamp 2>/dev/null | python3 "$here/rtp_jitter.py")
  cores=$(python3 -c "print(round(($ticks_after - $ticks_before) / $(getconf CLK_TCK) / $window_s, 2))")
  python3 - "$n" "${succeeded:-?}" "${failed:-?}" "$answered" "$jitter" "$cores" "$load" <<'PY'
import json, sys
n, ok, bad, answered, jitter, cores, load = sys.argv[1:8]
j = json.loads(jitter)
print("%-6s %-9s %-7s %-8s %-8s %-8s %-8s %-7s %-9s %-6s %-6s %s" % (
    n, ok, bad, answered, j["p50_ms"], j["p99_ms"], j["max_ms"], j["over_40ms"], j["intervals"],
    "%d%%" % round(100 * j["sent_ratio"]) if j["sent_ratio"] else "?", cores, load))
PY
  # dumpcap: "Packets received/dropped on interface 'Loopback: lo': 123/0 (...)"
  capture=$(sed -n "s/.*Packets received\/dropped on interface.*: \([0-9]*\)\/\([0-9]*\) (.*/\1 packets captured, \2 dropped by the capture/p" "$work/dumpcap-$n.log")
  echo "       sipp exit $sipp_status; history: $stored; $gc; ${capture:-capture statistics missing}; $((n * 50 * window_s)) packets expected in ${window_s} s" >&2
  if [ "$sipp_status" -ne 0 ] || [ "$answered" != "$n" ]; then
    say "stopping: at $n calls not every call succeeded with its key answered (work dir: KEEP=1 to look)"
    break
  fi
done
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
echo "settings: HOLD_S=$hold_s RATE=$rate, JVM $jvm_opts, sipp $(sipp -v 2>&1 | grep -o 'v[0-9.]*' | head -n1), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
