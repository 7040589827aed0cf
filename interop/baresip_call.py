#!/usr/bin/env python3
"""One call from a headless baresip (1.0.0) to a SIP URI, for the interop tests.

baresip runs with a config directory written here: its microphone is a WAV file (aufile),
what it hears goes nowhere (aubridge), it is driven over ctrl_tcp (dial, hang up, quit) and
key presses reach it as keystrokes on the cons module's UDP port, which baresip sends as
RFC 4733 telephone-events.

--strip-telephone-event puts a small UDP relay in front of the target that removes
telephone-event from baresip's SDP offer. baresip always offers it, and a server must only
listen for in-band tones when no telephone-event was negotiated (semantics.md rule 32), so
this is how a phone without RFC 4733 support is imitated. UDP only.

Prints one JSON line: {"established": bool, "closed_by": "remote"|"us"|null, ...}.
Exit status: 0 when the call was established and has ended, 1 otherwise.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    """A port free on 127.0.0.1 for both UDP and TCP (SIP listens on both)."""
    while True:
        tcp = socket.socket()
        tcp.bind(("127.0.0.1", 0))
        port = tcp.getsockname()[1]
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            udp.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            udp.close()
            tcp.close()


# net_interface 127.0.0.1: the SDP offers 127.0.0.1 (baresip would pick eth0's address otherwise).
CONFIG = """poll_method\t\tepoll
net_interface\t\t127.0.0.1
sip_listen\t\t127.0.0.1:{sip}
audio_player\t\taubridge,null
audio_source\t\taufile,{source}
audio_alert\t\taubridge,null
module_path\t\t/usr/lib/baresip/modules
module\t\t\tg711.so
module\t\t\taufile.so
module\t\t\taubridge.so
module\t\t\tcons.so
module_tmp\t\taccount.so
module_app\t\tmenu.so
module_app\t\tctrl_tcp.so
cons_listen\t\t127.0.0.1:{cons}
ctrl_tcp_listen\t\t127.0.0.1:{ctrl}
"""

# regint=0: no REGISTER; the caller's number is the account's user part.
ACCOUNT = "<sip:{number}@127.0.0.1>;regint=0;audio_codecs={codecs}\n"


class Control:
    """baresip's ctrl_tcp: netstring-framed JSON commands out, responses and events in."""

    def __init__(self, port, deadline):
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("baresip's ctrl_tcp did not open on port %d" % port)
                time.sleep(0.1)
        self.buffer = b""

    def send(self, command, params=None):
        body = {"command": command, "token": command}
        if params is not None:
            body["params"] = params
        data = json.dumps(body).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data + b",")

    def next_message(self, until):
        """The next JSON message, or None when `until` (monotonic) passes first."""
        while True:
            match = re.match(rb"(\d+):", self.buffer)
            if match:
                length = int(match.group(1))
                start = match.end()
                if len(self.buffer) >= start + length + 1:
                    payload = self.buffer[start:start + length]
                    self.buffer = self.buffer[start + length + 1:]
                    return json.loads(payload)
            left = until - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                return None
            self.buffer += chunk

    def wait_event(self, types, until):
        """The first call event of one of `types`, or None at `until`."""
        while True:
            message = self.next_message(until)
            if message is None:
                return None
            if message.get("event") and message.get("type") in types:
                return message


def strip_telephone_event(sdp):
    """The SDP without telephone-event: its payload types leave the m= line and their a= lines go."""
    lines = sdp.split("\r\n")
    event_types = set()
    for line in lines:
        match = re.match(r"a=rtpmap:(\d+) telephone-event/", line, re.IGNORECASE)
        if match:
            event_types.add(match.group(1))
    kept = []
    for line in lines:
        if line.startswith("m=audio "):
            parts = line.split(" ")
            line = " ".join(parts[:3] + [pt for pt in parts[3:] if pt not in event_types])
        elif re.match(r"a=(rtpmap|fmtp):(\d+)[ ]", line) and re.match(r"a=\w+:(\d+)", line).group(1) in event_types:
            continue
        kept.append(line)
    return "\r\n".join(kept)


def rewrite_invite(datagram):
    """An INVITE with telephone-event taken out of its SDP and Content-Length fixed; others unchanged."""
    if not datagram.startswith(b"INVITE "):
        return datagram
    head, sep, body = datagram.partition(b"\r\n\r\n")
    if not sep or not body:
        return datagram
    new_body = strip_telephone_event(body.decode("latin-1")).encode("latin-1")
    head = re.sub(rb"(?im)^(Content-Length|l)[ \t]*:[ \t]*\d+", b"Content-Length: %d" % len(new_body), head)
    return head + sep + new_body


class SdpFilterRelay(threading.Thread):
    """A UDP relay between one SIP client and a server that strips telephone-event from INVITEs.

    Only requests sent to the relay's port (the INVITE and its transaction) pass here: the
    server's in-dialog requests go to the client's Contact, the client's to the server's.
    """

    def __init__(self, target):
        super().__init__(daemon=True)
        self.target = target
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.client = None
        self.stripped = 0

    def run(self):
        while True:
            try:
                datagram, source = self.sock.recvfrom(65536)
            except OSError:
                return
            if source == self.target:
                if self.client:
                    self.sock.sendto(datagram, self.client)
                continue
            self.client = source
            rewritten = rewrite_invite(datagram)
            if rewritten is not datagram:
                self.stripped += 1
            self.sock.sendto(rewritten, self.target)

    def close(self):
        self.sock.close()


def parse_target(uri):
    match = re.match(r"sip:([^@]+)@([\d.]+):(\d+)(.*)$", uri)
    if not match:
        raise SystemExit("--uri must look like sip:USER@127.0.0.1:PORT[;transport=tcp], not " + uri)
    return match.group(1), (match.group(2), int(match.group(3))), match.group(4)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uri", required=True, help="whom to call, sip:USER@127.0.0.1:PORT[;transport=tcp]")
    parser.add_argument("--source", required=True, help="what the caller says: an 8 kHz mono 16-bit WAV")
    parser.add_argument("--number", default="79990002001", help="the caller's number (From user)")
    parser.add_argument("--codecs", default="PCMU,PCMA", help="audio codecs offered, in order")
    parser.add_argument("--keys", default="", help="keys to press as RFC 4733 events, e.g. 125")
    parser.add_argument("--first-key-ms", type=int, default=3000, help="from the answer to the first key")
    parser.add_argument("--key-gap-ms", type=int, default=1500, help="between keys")
    parser.add_argument("--max-call-s", type=float, default=20, help="hang up ourselves after this long")
    parser.add_argument("--strip-telephone-event", action="store_true", help="offer no telephone-event (UDP)")
    parser.add_argument("--workdir", help="config and log directory (default: a new temporary one, removed)")
    args = parser.parse_args()
    result = call(args)
    print(json.dumps(result))
    return 0 if result["established"] and "error" not in result else 1


def call(args):
    """Makes the call; returns what happened."""
    user, target, params = parse_target(args.uri)
    workdir = args.workdir or tempfile.mkdtemp(prefix="tonal-baresip-")
    os.makedirs(workdir, exist_ok=True)
    ports = {"sip": free_port(), "cons": free_port(), "ctrl": free_port()}
    with open(os.path.join(workdir, "config"), "w") as f:
        f.write(CONFIG.format(source=os.path.abspath(args.source), **ports))
    with open(os.path.join(workdir, "accounts"), "w") as f:
        f.write(ACCOUNT.format(number=args.number, codecs=args.codecs))

    relay = None
    uri = args.uri
    if args.strip_telephone_event:
        if "transport=tcp" in params.lower():
            raise SystemExit("--strip-telephone-event works over UDP only")
        relay = SdpFilterRelay(target)
        relay.start()
        uri = "sip:%s@127.0.0.1:%d%s" % (user, relay.port, params)

    result = {"uri": uri, "established": False, "closed_by": None, "keys_sent": ""}
    log = open(os.path.join(workdir, "baresip.log"), "w")
    baresip = subprocess.Popen(["baresip", "-f", workdir], stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        converse(Control(ports["ctrl"], time.monotonic() + 10), uri, ports["cons"], args, result)
    except (RuntimeError, OSError) as ex:
        result["error"] = str(ex)
    finally:
        stop(baresip)
        log.close()
        if relay:
            result["offers_stripped"] = relay.stripped
            relay.close()
        if args.workdir or "error" in result:
            result["workdir"] = workdir
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return result


def converse(control, uri, cons_port, args, result):
    """Dials, presses the keys on time, and waits for the call to end (hanging up at the limit)."""
    control.send("dial", uri)
    event = control.wait_event({"CALL_ESTABLISHED", "CALL_CLOSED"}, time.monotonic() + 15)
    if event is None or event["type"] != "CALL_ESTABLISHED":
        result["error"] = "not answered: " + (json.dumps(event) if event else "no event within 15 s")
        return
    result["established"] = True
    answered = time.monotonic()
    cons = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for index, key in enumerate(args.keys):
        due = answered + (args.first_key_ms + index * args.key_gap_ms) / 1000
        closed = control.wait_event({"CALL_CLOSED"}, due)
        if closed:
            result.update(closed_by="remote", close_reason=closed.get("param"))
            return
        cons.sendto(key.encode(), ("127.0.0.1", cons_port))
        result["keys_sent"] += key
    closed = control.wait_event({"CALL_CLOSED"}, answered + args.max_call_s)
    if closed:
        result.update(closed_by="remote", close_reason=closed.get("param"))
    else:
        control.send("hangup")
        control.wait_event({"CALL_CLOSED"}, time.monotonic() + 5)
        result["closed_by"] = "us"


def stop(process):
    """Asks baresip to quit (SIGTERM), then kills it if it lingers."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


if __name__ == "__main__":
    sys.exit(main())
