#!/usr/bin/env bash
# Transfer interop tests with real SIP peers (issue "Transfers, phones and trunks", item 6):
# starts the Tonal jar on free loopback ports with the outbound trunk pointed at a local sipp
# UAS, then runs transfer_interop.py: sipp registers with digest auth; baresip phones register
# as 002 (auto-answer) and 050, 050 calls an IVR by its bare name and is transferred to 002;
# sipp as the trunk's UAS receives the INVITE for an external number with the right From.
#
#   interop/transfer/run.sh         # ~40 s; "transfer interop: 3 passed, 0 failed"; exit 1 on failure
#   KEEP=1 interop/transfer/run.sh  # keep the work directory (server log, baresip logs, sipp messages)
#
# interop/run-all.sh may call it as one more step (it starts its own server: the trunk URI is
# a start-up setting). Needs sipp, baresip, sox; builds app/target/tonal.jar if there is none.
set -uo pipefail
export PYTHONDONTWRITEBYTECODE=1 # importing the interop helpers must not leave caches in the tree
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$root/interop/transfer
fail() { echo "transfer interop: $*"; echo "transfer interop: 0 passed, 3 failed"; exit 1; }

for tool in sipp baresip sox python3; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (apt-get install sip-tester baresip-core sox python3)"
done
. "$root/bin/jdk.sh"
tonal_find_jdk || fail "no JDK"
jar=$root/app/target/tonal.jar
if [ ! -f "$jar" ]; then
  (cd "$root" && timeout 1200 ./mvnw -q -DskipTests -pl app -am package) || fail "the build failed"
fi

. "$root/interop/server.sh"
trunk_port=$(free_port)
tonal_server_start transfer-interop --tonal.trunk.uri="sip:{number}@127.0.0.1:$trunk_port" --tonal.transfer.ring-timeout=15s
echo "transfer interop: server on HTTP $http_port, SIP $sip_port, trunk UAS on $trunk_port"
python3 "$root/interop/tonal_api.py" wait --base "$base" --admin "$admin" --timeout 180 \
  || { tail -n 40 "$work/server.log"; fail "the server did not start"; }
python3 "$root/interop/wait_port.py" "$sip_port" 30 || { tail -n 20 "$work/server.log"; fail "no SIP listener"; }

# What the phones say: long enough silence (baresip hangs up when its source file ends).
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$work/silence.wav" trim 0 60

python3 "$here/transfer_interop.py" --base "$base" --admin "$admin" --sip-port "$sip_port" \
  --trunk-port "$trunk_port" --work "$work" --source "$work/silence.wav"
status=$?
[ $status -eq 0 ] || { echo "transfer interop: server log tail:"; tail -n 30 "$work/server.log"; }
exit $status
