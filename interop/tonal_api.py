#!/usr/bin/env python3
"""The Tonal side of the interop tests, over the REST API (api.md); standard library only.

  tonal_api.py wait   --base URL --admin ID:SECRET [--timeout S]
      waits until the server hands out admin tokens.
  tonal_api.py setup  --base URL --admin ID:SECRET --prompts DIR --out FILE
      creates a client, an app, two prompts and the interop IVR; writes what the tests need
      (ids, the extension's name, its DID, a token) to FILE as JSON.
  tonal_api.py setup-bench --base URL --admin ID:SECRET --prompts DIR --out FILE
      the load benchmark's IVR (scripts/bench/sip-load.sh): one context that plays a long
      prompt; key 1 sets answered=yes and plays it again.
  tonal_api.py count --ivr FILE --caller NUMBER
      counts that caller's stored calls, and those whose trace shows key 1 answered.
  tonal_api.py check  --ivr FILE --caller NUMBER --digits 1:rfc4733,2:rfc4733,5:sip_info
                      [--result hangup] [--called-did] [--timeout S]
      (a key's transport may be alternatives: 1:rfc4733|sip_info)
      finds the caller's call in the call history and checks its result and its trace.

The interop IVR (a three-step menu, so that every key and the transport it came by shows in
the call's trace and only the whole right sequence reaches the end):
  context "menu"   start: "ad" (foreground, ~1 s), "hello" (background)   1 -> "second"
  context "second" start: "hello" (background)                             2 -> "third"
  context "third"  start: "hello" (background)                             5 -> transfer to a
                   number with no route (fails: the next rule runs), set_variable
                   reached=five, hangup
Every context is single-key (digit_len 1) and its invalid option hangs up, so a wrong or
duplicated key ends the call early with a different trace.
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

API = "/api/ver1.0"
PREFIX = "777"
EXTENSION = "071"
DID = "74957770071"
# No outbound trunk is configured, so this transfer fails with "no route" (semantics.md rule 16).
UNROUTABLE = "+70000000000"


class ApiError(Exception):
    pass


class Api:
    def __init__(self, base, token=None):
        self.base = base.rstrip("/")
        self.token = token

    def request(self, method, path, body=None, form=None, files=None, timeout=30):
        headers = {}
        data = None
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif files is not None:
            data, headers["Content-Type"] = multipart(files)
        url = self.base + path
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                text = response.read().decode()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as ex:
            raise ApiError("%s %s -> %d %s" % (method, path, ex.code, ex.read().decode(errors="replace")[:500]))

    def get(self, path):
        return self.request("GET", API + path)

    def post(self, path, body):
        return self.request("POST", API + path, body=body)

    def put(self, path, body):
        return self.request("PUT", API + path, body=body)


def multipart(fields):
    """A multipart/form-data body: fields maps a name to a string or to (filename, bytes)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        if isinstance(value, tuple):
            filename, content = value
            head = 'Content-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: audio/wav' % (
                name, filename)
        else:
            head = 'Content-Disposition: form-data; name="%s"' % name
            content = value.encode()
        parts.append(b"--" + boundary.encode() + b"\r\n" + head.encode() + b"\r\n\r\n" + content + b"\r\n")
    body = b"".join(parts) + b"--" + boundary.encode() + b"--\r\n"
    return body, "multipart/form-data; boundary=" + boundary


def token(base, client_id, secret):
    api = Api(base)
    reply = api.request("POST", "/oauth/token", form={
        "grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}, timeout=5)
    return reply["access_token"]


def wait(args):
    client_id, secret = args.admin.split(":", 1)
    deadline = time.monotonic() + args.timeout
    last = None
    while time.monotonic() < deadline:
        try:
            token(args.base, client_id, secret)
            return 0
        except (OSError, ApiError, ValueError) as ex:
            last = ex
            time.sleep(0.5)
    print("tonal_api: the server at %s did not answer within %d s (%s)" % (args.base, args.timeout, last))
    return 1


def setup(args):
    client_id, secret = args.admin.split(":", 1)
    admin = Api(args.base, token(args.base, client_id, secret))
    client = admin.post("/client/", {"name": "Interop", "prefix": PREFIX, "extension_length": 3,
                                     "timezone": "Europe/Moscow"})
    cid = client["id"]
    app = admin.post("/client/%d/app/" % cid, {"name": "interop", "access": "full"})
    api = Api(args.base, token(args.base, app["app_id"], app["app_secret"]))

    def sound(name, title):
        with open(os.path.join(args.prompts, name), "rb") as f:
            fields = {"title": title, "file": (name, f.read())}
        return api.request("POST", API + "/client/@me/sound/", files=fields)["id"]

    ad = sound("ad.wav", "interop ad")
    hello = sound("hello.wav", "interop hello")
    extension = api.post("/client/@me/extension/", {"name": EXTENSION, "type": "ivr", "label": "interop IVR"})
    eid = extension["id"]
    ivr = "/extension/%d/ivr" % eid

    def context(name):
        return api.post(ivr + "/context/", {"name": name, "digit_len": 1, "timeout": 10000,
                                            "inter_digit_timeout": 2000, "allow_any_dial": False})["id"]

    def option(ctx, digits, *rules):
        if digits not in ("start", "timeout", "invalid"):
            api.post("%s/context/%d/options/" % (ivr, ctx), {"digits": digits})
        for rule in rules:
            api.post("%s/context/%d/options/%s/rules/" % (ivr, ctx, urllib.parse.quote(digits)), rule)

    menu, second, third = context("menu"), context("second"), context("third")
    background = {"action": "play_sound", "sound": hello, "sound_type": "background"}
    option(menu, "start", {"action": "play_sound", "sound": ad, "sound_type": "foreground"}, background)
    option(menu, "1", {"action": "jump_to_context", "context": second})
    option(second, "start", background)
    option(second, "2", {"action": "jump_to_context", "context": third})
    option(third, "start", background)
    option(third, "5", {"action": "transfer", "transfer_dst": UNROUTABLE},
           {"action": "set_variable", "set_variable_name": "reached", "set_variable_value": "five"},
           {"action": "hangup"})
    api.put(ivr + "/", {"entry_context": menu})
    api.post("/client/@me/did/", {"number": DID, "extension_id": eid})
    findings = api.get(ivr + "/validate")  # the IVR is well formed
    errors = [f for f in findings or [] if f.get("severity") == "error"]
    if errors:
        raise ApiError("the interop IVR does not validate: %s" % json.dumps(errors))
    # The same calls on the engine alone (semantics.md rule 33): a failure here is in the IVR
    # or the engine, not in SIP or media.
    simulated = api.post(ivr + "/simulate", {"caller_id_number": "79990000000", "events": [
        {"at": 3000, "dtmf": "1"}, {"at": 4500, "dtmf": "2"}, {"at": 6000, "dtmf": "5"}],
        "transfers": {UNROUTABLE: "busy"}})
    if simulated["result"]["end"] != "hangup" or simulated["variables"].get("reached") != "five":
        raise ApiError("the interop IVR does not reach its end in the simulator: %s" % json.dumps(simulated))
    out = {"base": args.base, "client_id": cid, "extension_id": eid, "extension": PREFIX + "*" + EXTENSION,
           "did": DID, "token": api.token, "app_id": app["app_id"], "app_secret": app["app_secret"]}
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
    print("tonal_api: IVR %s (extension %d, DID %s) of client %d is ready" % (out["extension"], eid, DID, cid))
    return 0


BENCH_PREFIX = "778"
BENCH_DID = "74957780072"


def setup_bench(args):
    client_id, secret = args.admin.split(":", 1)
    admin = Api(args.base, token(args.base, client_id, secret))
    cid = admin.post("/client/", {"name": "Bench", "prefix": BENCH_PREFIX, "extension_length": 3,
                                  "timezone": "Europe/Moscow"})["id"]
    app = admin.post("/client/%d/app/" % cid, {"name": "bench", "access": "full"})
    api = Api(args.base, token(args.base, app["app_id"], app["app_secret"]))
    with open(os.path.join(args.prompts, "long.wav"), "rb") as f:
        long_prompt = api.request("POST", API + "/client/@me/sound/",
                                  files={"title": "bench long prompt", "file": ("long.wav", f.read())})["id"]
    eid = api.post("/client/@me/extension/", {"name": "072", "type": "ivr", "label": "bench IVR"})["id"]
    ivr = "/extension/%d/ivr" % eid
    # A long timeout: the calls hang up themselves, the IVR never times out during a run.
    ctx = api.post(ivr + "/context/", {"name": "bench", "digit_len": 1, "timeout": 120000,
                                       "inter_digit_timeout": 2000})["id"]
    play = {"action": "play_sound", "sound": long_prompt, "sound_type": "background"}
    api.post("%s/context/%d/options/start/rules/" % (ivr, ctx), play)
    api.post("%s/context/%d/options/" % (ivr, ctx), {"digits": "1"})
    api.post("%s/context/%d/options/1/rules/" % (ivr, ctx),
             {"action": "set_variable", "set_variable_name": "answered", "set_variable_value": "yes"})
    api.post("%s/context/%d/options/1/rules/" % (ivr, ctx), play)
    api.put(ivr + "/", {"entry_context": ctx})
    api.post("/client/@me/did/", {"number": BENCH_DID, "extension_id": eid})
    out = {"base": args.base, "client_id": cid, "extension_id": eid, "extension": BENCH_PREFIX + "*072",
           "did": BENCH_DID, "app_id": app["app_id"], "app_secret": app["app_secret"]}
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
    print("tonal_api: bench IVR %s (DID %s) is ready" % (out["extension"], BENCH_DID))
    return 0


def calls_of(api, cid, caller):
    """Every stored call of `caller`, newest first."""
    rows, page = [], 1
    while True:
        batch = api.get("/client/%d/call_history/?per_page=500&order=desc&page=%d" % (cid, page))["call_history"]
        rows += [row for row in batch if row["from_username"] == caller]
        if len(batch) < 500:
            return rows
        page += 1


def count(args):
    with open(args.ivr) as f:
        ivr = json.load(f)
    api = Api(ivr["base"], token(ivr["base"], ivr["app_id"], ivr["app_secret"]))
    # Calls are stored just after they end: wait until the number stops growing.
    rows, deadline = [], time.monotonic() + args.timeout
    while True:
        latest = calls_of(api, ivr["client_id"], args.caller)
        if (len(latest) == len(rows) and rows) or time.monotonic() > deadline:
            rows = latest
            break
        rows = latest
        time.sleep(2)
    answered = 0
    results = {}
    for row in rows:
        results[row["end_reason"]] = results.get(row["end_reason"], 0) + 1
        trace = api.get("/client/%d/call_history/%s/trace" % (ivr["client_id"], row["call_uuid"]))
        if any(e.get("type") == "variable_set" and e.get("name") == "answered" for e in trace):
            answered += 1
    print(json.dumps({"stored": len(rows), "answered": answered, "results": results}))
    return 0


def find_call(api, cid, caller, deadline):
    """The newest history row of `caller` (calls are stored shortly after they end)."""
    while True:
        page = api.get("/client/%d/call_history/?per_page=500&order=desc" % cid)
        for row in page["call_history"]:
            if row["from_username"] == caller:
                return row
        if time.monotonic() > deadline:
            return None
        time.sleep(0.5)


def check(args):
    with open(args.ivr) as f:
        ivr = json.load(f)
    api = Api(ivr["base"], token(ivr["base"], ivr["app_id"], ivr["app_secret"]))
    problems = []
    row = find_call(api, ivr["client_id"], args.caller, time.monotonic() + args.timeout)
    if row is None:
        print("FAIL: no call from %s in the call history after %d s" % (args.caller, args.timeout))
        return 1
    trace = api.get("/client/%d/call_history/%s/trace" % (ivr["client_id"], row["call_uuid"]))
    used = [(e.get("digit"), e.get("transport")) for e in trace if e.get("type") == "digit" and e.get("used")]
    wanted = [tuple(item.split(":", 1)) for item in args.digits.split(",")] if args.digits else []
    if len(used) != len(wanted) or any(
            key != want_key or transport not in want_transports.split("|")
            for (key, transport), (want_key, want_transports) in zip(used, wanted)):
        problems.append("keys used %s, expected %s" % (fmt(used), fmt(wanted)))
    if row["end_reason"] != args.result:
        problems.append("result %r, expected %r" % (row["end_reason"], args.result))
    if row["extension_id"] != ivr["extension_id"]:
        problems.append("extension_id %r, expected %r" % (row["extension_id"], ivr["extension_id"]))
    if args.called_did and row["called_did"] != ivr["did"]:
        problems.append("called_did %r, expected %r" % (row["called_did"], ivr["did"]))
    if args.result == "hangup" and not any(
            e.get("type") == "variable_set" and e.get("name") == "reached" and e.get("value") == "five"
            for e in trace):
        problems.append("the trace has no variable_set reached=five (the menu's last step)")
    summary = "call %s from %s: result %s, keys %s" % (row["call_uuid"], args.caller, row["end_reason"], fmt(used))
    if problems:
        print("FAIL: " + summary)
        for problem in problems:
            print("  - " + problem)
        print("  trace: " + json.dumps(trace))
        return 1
    print("ok: " + summary)
    return 0


def fmt(digits):
    return " ".join("%s(%s)" % pair for pair in digits) or "none"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("wait")
    p.add_argument("--base", required=True)
    p.add_argument("--admin", required=True, help="ID:SECRET of the bootstrap admin app")
    p.add_argument("--timeout", type=int, default=180)
    p = commands.add_parser("setup")
    p.add_argument("--base", required=True)
    p.add_argument("--admin", required=True, help="ID:SECRET of the bootstrap admin app")
    p.add_argument("--prompts", required=True, help="directory with ad.wav and hello.wav")
    p.add_argument("--out", required=True)
    p = commands.add_parser("check")
    p.add_argument("--ivr", required=True, help="the file setup wrote")
    p.add_argument("--caller", required=True, help="the caller's number, as the peer sent it")
    p.add_argument("--digits", default="",
                   help="keys the IVR must have used, in order, as KEY:TRANSPORT,... (TRANSPORT may be A|B: either)")
    p.add_argument("--result", default="hangup")
    p.add_argument("--called-did", action="store_true", help="the call was made to the IVR's DID")
    p.add_argument("--timeout", type=int, default=20, help="seconds to wait for the call to be stored")
    p = commands.add_parser("setup-bench")
    p.add_argument("--base", required=True)
    p.add_argument("--admin", required=True, help="ID:SECRET of the bootstrap admin app")
    p.add_argument("--prompts", required=True, help="directory with long.wav")
    p.add_argument("--out", required=True)
    p = commands.add_parser("count")
    p.add_argument("--ivr", required=True, help="the file setup-bench wrote")
    p.add_argument("--caller", required=True)
    p.add_argument("--timeout", type=int, default=60, help="seconds to wait for the calls to be stored")
    args = parser.parse_args()
    try:
        return {"wait": wait, "setup": setup, "check": check, "setup-bench": setup_bench,
                "count": count}[args.command](args)
    except (ApiError, OSError) as ex:
        print("tonal_api: %s" % ex)
        return 1


if __name__ == "__main__":
    sys.exit(main())
