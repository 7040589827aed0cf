#!/usr/bin/env python3
"""Transfer interop tests (issue "Transfers, phones and trunks", item 6) against a running server.

  transfer_interop.py --base URL --admin ID:SECRET --sip-port P --trunk-port T --work DIR

The server must have been started with tonal.trunk.uri=sip:{number}@127.0.0.1:T (run.sh does
that). Over the REST API this creates client 779 with phones 002 and 050 and two IVRs: 071
transfers to 002, 072 transfers to +7987654321 (through the trunk). Then:

  sipp-register-digest   sipp registers 779*050 with digest auth (401, credentials, 200 with
                         the binding's expiry), then unregisters the same way;
  baresip-ivr-to-phone   baresip registers as 779*002 (auto-answer) and as 779*050; 050 dials
                         the bare name 071 (a digest-authenticated INVITE), the IVR transfers
                         to 002, which answers; the history shows the call transferred to 002;
  sipp-trunk-uas         sipp answers as the trunk's UAS; 050 dials 072; sipp must get an
                         INVITE for +7987654321 whose From is the calling phone.

Prints one line per test and "transfer interop: N passed, M failed"; exit 1 on any failure.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
from tonal_api import Api, token  # noqa: E402  (the interop helpers next door)
from baresip_call import Control, free_port  # noqa: E402

PREFIX = "779"
PASSWORDS = {"002": "interop-002-secret", "050": "interop-050-secret"}
EXTERNAL = "+7987654321"


def setup(base, admin):
    client_id, secret = admin.split(":", 1)
    admin_api = Api(base, token(base, client_id, secret))
    client = admin_api.post("/client/", {"name": "Transfer interop", "prefix": PREFIX, "extension_length": 3,
                                         "timezone": "Europe/Moscow"})
    app = admin_api.post("/client/%d/app/" % client["id"], {"name": "transfer interop", "access": "full"})
    api = Api(base, token(base, app["app_id"], app["app_secret"]))
    for name, password in PASSWORDS.items():
        api.post("/client/@me/extension/", {"name": name, "type": "phone", "password": password})
    ivrs = {}
    for name, destination in (("071", "002"), ("072", EXTERNAL)):
        eid = api.post("/client/@me/extension/", {"name": name, "type": "ivr"})["id"]
        path = "/extension/%d/ivr" % eid
        ctx = api.post(path + "/context/", {"name": "main"})["id"]
        for rule in ({"action": "transfer", "transfer_dst": destination}, {"action": "hangup"}):
            api.post("%s/context/%d/options/start/rules/" % (path, ctx), rule)
        api.put(path + "/", {"entry_context": ctx})
        ivrs[name] = eid
    return api, client["id"], ivrs


class Baresip:
    """A headless baresip registered as one phone extension, auto-answering, silent."""

    def __init__(self, work, name, sip_port, source):
        self.dir = os.path.join(work, "baresip-" + name)
        os.makedirs(self.dir, exist_ok=True)
        self.ctrl_port = free_port()
        with open(os.path.join(self.dir, "config"), "w") as f:
            f.write("poll_method\t\tepoll\nnet_interface\t\t127.0.0.1\nsip_listen\t\t127.0.0.1:%d\n"
                    "audio_player\t\taubridge,null\naudio_source\t\taufile,%s\naudio_alert\t\taubridge,null\n"
                    "module_path\t\t/usr/lib/baresip/modules\nmodule\t\t\tg711.so\nmodule\t\t\taufile.so\n"
                    "module\t\t\taubridge.so\nmodule_tmp\t\taccount.so\nmodule_app\t\tmenu.so\n"
                    "module_app\t\tctrl_tcp.so\nctrl_tcp_listen\t\t127.0.0.1:%d\n"
                    % (free_port(), source, self.ctrl_port))
        with open(os.path.join(self.dir, "accounts"), "w") as f:
            f.write("<sip:%s*%s@127.0.0.1:%d;transport=udp>;auth_pass=%s;regint=120;answermode=auto;"
                    "audio_codecs=PCMU,PCMA\n" % (PREFIX, name, sip_port, PASSWORDS[name]))
        self.log = open(os.path.join(self.dir, "baresip.log"), "w")
        self.process = subprocess.Popen(["baresip", "-f", self.dir], stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.control = Control(self.ctrl_port, time.monotonic() + 15)

    def wait_registered(self, seconds=15):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with open(os.path.join(self.dir, "baresip.log")) as f:
                if re.search(r"200 OK.*\[1 binding", f.read()):
                    return True
            time.sleep(0.2)
        return False

    def dial(self, uri):
        self.control.send("dial", uri)

    def wait_event(self, types, seconds):
        return self.control.wait_event(types, time.monotonic() + seconds)

    def hangup(self):
        self.control.send("hangup")

    def close(self):
        try:
            self.control.send("quit")
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()
        self.log.close()


def newest_call(api, cid, eid, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rows = [r for r in api.get("/client/%d/call_history/?per_page=50&order=desc" % cid)["call_history"]
                if r["extension_id"] == eid]
        if rows:
            return rows[0]
        time.sleep(0.5)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--admin", required=True)
    parser.add_argument("--sip-port", type=int, required=True)
    parser.add_argument("--trunk-port", type=int, required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--source", required=True, help="an 8 kHz mono WAV the phones send (long enough)")
    args = parser.parse_args()
    api, cid, ivrs = setup(args.base, args.admin)
    results = []

    def record(name, ok, detail):
        results.append(ok)
        print("[transfer] %s: %s (%s)" % (name, "PASSED" if ok else "FAILED", detail), flush=True)

    # 1. sipp registers with digest auth, then unregisters.
    reg = subprocess.run(["sipp", "-sf", os.path.join(here, "register_digest.xml"), "127.0.0.1:%d" % args.sip_port,
                          "-s", PREFIX + "*050", "-au", PREFIX + "*050", "-ap", PASSWORDS["050"],
                          "-i", "127.0.0.1", "-p", str(free_port()), "-m", "1", "-nostdin", "-timeout", "30s",
                          "-trace_err"], cwd=args.work, capture_output=True, text=True, timeout=60)
    record("sipp-register-digest", reg.returncode == 0, "sipp exit %d" % reg.returncode)

    phone002 = Baresip(args.work, "002", args.sip_port, args.source)
    phone050 = Baresip(args.work, "050", args.sip_port, args.source)
    try:
        registered = phone002.wait_registered() and phone050.wait_registered()
        if not registered:
            record("baresip-register", False, "a baresip phone did not register; see %s" % args.work)

        # 2. 050 dials the IVR by its bare name; the IVR transfers to 002, which auto-answers.
        phone050.dial("sip:071@127.0.0.1:%d" % args.sip_port)
        up050 = phone050.wait_event(["CALL_ESTABLISHED"], 20)
        up002 = phone002.wait_event(["CALL_ESTABLISHED"], 20)
        time.sleep(3)  # let audio flow through the bridge for a while
        phone050.hangup()
        closed002 = phone002.wait_event(["CALL_CLOSED"], 15)
        row = newest_call(api, cid, ivrs["071"])
        ok = bool(up050 and up002 and closed002 and row and row["end_reason"] == "transferred"
                  and row["transferred_to"] == "002")
        record("baresip-ivr-to-phone", ok, "050 up %s, 002 up %s, 002 closed %s, history %s" % (
            bool(up050), bool(up002), bool(closed002), row and (row["end_reason"], row["transferred_to"])))

        # 3. sipp is the trunk's UAS; 050 dials 072, which transfers to an external number.
        uas = subprocess.Popen(["sipp", "-sn", "uas", "-i", "127.0.0.1", "-p", str(args.trunk_port), "-m", "1",
                                "-nostdin", "-timeout", "60s", "-trace_msg", "-message_file",
                                os.path.join(args.work, "trunk-messages.log")],
                               cwd=args.work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        phone050.dial("sip:072@127.0.0.1:%d" % args.sip_port)
        up = phone050.wait_event(["CALL_ESTABLISHED"], 20)
        time.sleep(2)
        phone050.hangup()
        try:
            uas_exit = uas.wait(timeout=30)
        except subprocess.TimeoutExpired:
            uas.kill()
            uas_exit = None
        with open(os.path.join(args.work, "trunk-messages.log"), errors="replace") as f:
            messages = f.read()
        invite = re.search(r"INVITE sip:(\S+) SIP/2.0", messages)
        from_ok = re.search(r"(?im)^From:.*<sip:%s\*050@" % PREFIX, messages) is not None
        row = newest_call(api, cid, ivrs["072"])
        ok = bool(up and invite and invite.group(1).startswith(EXTERNAL + "@") and from_ok and uas_exit == 0
                  and row and row["transferred_to"] == EXTERNAL)
        record("sipp-trunk-uas", ok, "INVITE %s, From is the phone %s, sipp exit %s, history %s" % (
            invite.group(1) if invite else None, from_ok, uas_exit, row and (row["end_reason"], row["transferred_to"])))
    finally:
        phone002.close()
        phone050.close()

    passed = sum(1 for r in results if r)
    print("transfer interop: %d passed, %d failed" % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
