#!/usr/bin/env bash
# Interop tests with real SIP peers (issue "Real calls", item 5): starts the Tonal server jar
# on free loopback ports with a temporary data directory, configures the interop IVR over the
# REST API (interop/tonal_api.py), calls it with sipp and baresip, and checks each call's
# outcome through the call history API (result, and every key with its DTMF transport).
#
#   interop/run-all.sh              # from anywhere; run as root (sipp's pcap play needs a raw socket)
#   KEEP=1 interop/run-all.sh       # keep the work directory (server log, peer logs) afterwards
#
# Installs its apt packages if missing, builds the jar only when there is none, stops what it
# started on every exit, and ends with "interop: N passed, M failed" (exit 1 on any failure).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
here=$root/interop
started=$(date +%s)
tests=6 # the run_test lines below; an early failure counts them all as failed
say() { printf '[interop %4ss] %s\n' "$(($(date +%s) - started))" "$*"; }

# --- packages ---------------------------------------------------------------------------
need=()
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
command -v baresip >/dev/null 2>&1 || need+=(baresip-core)
command -v tshark >/dev/null 2>&1 || need+=(tshark)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v sox >/dev/null 2>&1 || need+=(sox)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -q >/dev/null && timeout 600 apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "interop: could not install ${need[*]}"; echo "interop: 0 passed, $tests failed"; exit 1; }
fi
if [ "$(id -u)" != 0 ]; then
  echo "interop: run as root: sipp's play_pcap_audio needs a raw socket"; echo "interop: 0 passed, $tests failed"; exit 1
fi

# --- the server -------------------------------------------------------------------------
. "$root/bin/jdk.sh"
tonal_find_jdk || { echo "interop: 0 passed, $tests failed"; exit 1; }
jar=$root/app/target/tonal.jar
if [ ! -f "$jar" ]; then
  say "no $jar: building it"
  (cd "$root" && timeout 1200 ./mvnw -q -DskipTests -pl app -am package) || { echo "interop: the build failed"; echo "interop: 0 passed, $tests failed"; exit 1; }
fi

. "$root/interop/server.sh"
tonal_server_start interop
say "started $jar: HTTP $http_port, SIP $sip_port (UDP, TCP), RTP $rtp_range"
if ! python3 "$here/tonal_api.py" wait --base "$base" --admin "$admin" --timeout 180; then
  tail -n 40 "$work/server.log"; echo "interop: 0 passed, $tests failed"; exit 1
fi

# The SIP listener may open a little after the HTTP one.
if ! python3 "$here/wait_port.py" "$sip_port" 30; then
  echo "interop: the server does not listen for SIP on 127.0.0.1:$sip_port (TCP) 30 s after its API came up;"
  echo "interop: does this jar run the SIP runtime (settings tonal.sip.host, tonal.sip.port)? Server log tail:"
  tail -n 20 "$work/server.log"
  echo "interop: 0 passed, $tests failed"
  exit 1
fi

# --- the IVR and what the callers say ---------------------------------------------------
mkdir -p "$work/prompts"
"$here/make-audio.sh" "$work/prompts" || { echo "interop: could not make the audio files"; echo "interop: 0 passed, $tests failed"; exit 1; }
if ! python3 "$here/tonal_api.py" setup --base "$base" --admin "$admin" --prompts "$work/prompts" --out "$work/ivr.json"; then
  tail -n 40 "$work/server.log"; echo "interop: 0 passed, $tests failed"; exit 1
fi
extension=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["extension"])' "$work/ivr.json")
did=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["did"])' "$work/ivr.json")

# --- the calls --------------------------------------------------------------------------
passed=0
failed=0
failures=()
# run_test NAME CALLER CHECK-ARGS -- PEER-COMMAND...: runs the peer, then checks the call.
run_test() {
  local name=$1 caller=$2 check_args=$3
  shift 4
  say "$name: $*"
  if timeout 90 bash -c '"$@"' peer "$@" >"$work/$name.log" 2>&1 \
    && python3 "$here/tonal_api.py" check --ivr "$work/ivr.json" --caller "$caller" $check_args >"$work/$name.check" 2>&1; then
    passed=$((passed + 1)); say "$name: PASSED ($(head -n1 "$work/$name.check"))"
  else
    failed=$((failed + 1)); failures+=("$name")
    say "$name: FAILED"; tail -n 15 "$work/$name.log"; cat "$work/$name.check" 2>/dev/null
  fi
}

sipp_call() { # sipp_call SCENARIO CALLER [sipp options...]
  local scenario=$1 caller=$2
  shift 2
  (cd "$work" && sipp -sf "$here/sipp/$scenario" "127.0.0.1:$sip_port" -s "$did" -key caller "$caller" \
    -i 127.0.0.1 -p "$(free_port)" -mi 127.0.0.1 -mp "$(free_port)" -m 1 -nostdin -timeout 60s -trace_err "$@")
}
baresip_call() {
  python3 "$here/baresip_call.py" --workdir "$work/baresip-$1" --number "$1" "${@:2}"
}
# The peers run under timeout, in a child bash: it needs the helpers and their settings.
export -f sipp_call baresip_call free_port
export here work sip_port did
full=--digits=1:rfc4733,2:rfc4733,5:sip_info

run_test sipp-udp-rfc2833-info 79990001001 "$full --called-did" -- sipp_call uac_dtmf.xml 79990001001
run_test sipp-tcp-rfc2833-info 79990001002 "$full --called-did" -- sipp_call uac_dtmf.xml 79990001002 -t t1
# Key 1 goes out by both transports at once: whichever arrives first counts, the other is dropped.
run_test sipp-udp-same-key-twice 79990001003 "--digits=1:rfc4733|sip_info,2:sip_info,5:rfc4733 --called-did" \
  -- sipp_call uac_same_key_twice.xml 79990001003
run_test baresip-udp-rfc4733 79990002001 "--digits=1:rfc4733,2:rfc4733,5:rfc4733" \
  -- baresip_call 79990002001 --uri "sip:$extension@127.0.0.1:$sip_port" --source "$work/prompts/silence.wav" --keys 125
run_test baresip-tcp-rfc4733 79990002002 "--digits=1:rfc4733,2:rfc4733,5:rfc4733" \
  -- baresip_call 79990002002 --uri "sip:$extension@127.0.0.1:$sip_port;transport=tcp" --source "$work/prompts/silence.wav" --keys 125
run_test baresip-udp-inband 79990002003 "--digits=1:inband,2:inband,5:inband" \
  -- baresip_call 79990002003 --uri "sip:$extension@127.0.0.1:$sip_port" --source "$work/prompts/inband-125.wav" --strip-telephone-event

if [ "$failed" -gt 0 ]; then
  say "failed: ${failures[*]}; server log tail:"
  tail -n 30 "$work/server.log"
fi
echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
