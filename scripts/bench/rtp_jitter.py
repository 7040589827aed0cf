#!/usr/bin/env python3
"""RTP send-interval jitter from a packet capture of the server's outgoing RTP.

Reads `tshark -T fields -e frame.time_epoch -e rtp.ssrc -e rtp.seq -e rtp.timestamp` lines
on stdin. For each pair of consecutive packets of one stream (same SSRC, sequence number +1),
the jitter is how far the time between them on the wire is from the time their RTP
timestamps say (20 ms for a 20 ms packet): |Δwire − Δts/8000|. Pauses the stream itself
announces (a timestamp jump) are therefore not counted as jitter; a late packet is.
Captured on the loopback interface, wire time is send time.

It also tells whether the server kept up: `sent_ratio` is the packets each stream sent (from
its sequence numbers, so packets the capture dropped still count) over the packets due in the
time it was captured at one per 20 ms. Below 1, the server fell behind.

Prints one JSON object: streams, intervals, p50/p99/max jitter in ms, how many intervals were
later than 40 ms (two packet times), and sent_ratio.
"""
import json
import sys

CLOCK = 8000  # G.711
PTIME = 0.020  # seconds of audio per packet


def percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def main():
    last = {}
    first = {}
    sent = {}
    jitter = []
    for line in sys.stdin:
        fields = line.split("\t")
        if len(fields) < 4 or not fields[1].strip():
            continue
        # A packet tshark decodes twice (e.g. nested) lists values comma-separated: take the first.
        when = float(fields[0])
        ssrc = fields[1].split(",")[0].strip()
        seq = int(fields[2].split(",")[0])
        stamp = int(fields[3].split(",")[0])
        previous = last.get(ssrc)
        last[ssrc] = (when, seq, stamp)
        if previous is None:
            first[ssrc] = when
            sent[ssrc] = 0
            continue
        sent[ssrc] += (seq - previous[1]) % 65536
        if (seq - previous[1]) % 65536 != 1:
            continue
        wire = when - previous[0]
        media = ((stamp - previous[2]) % 2**32) / CLOCK
        jitter.append(abs(wire - media) * 1000)
    jitter.sort()
    due = sum(last[ssrc][0] - first[ssrc] for ssrc in first) / PTIME
    result = {
        "streams": len(last),
        "intervals": len(jitter),
        "p50_ms": round(percentile(jitter, 0.50), 3) if jitter else None,
        "p99_ms": round(percentile(jitter, 0.99), 3) if jitter else None,
        "max_ms": round(jitter[-1], 3) if jitter else None,
        "over_40ms": sum(1 for j in jitter if j > 40),
        "sent_ratio": round(sum(sent.values()) / due, 3) if due else None,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
