#!/usr/bin/env python3
"""Prints a loopback port free for both UDP and TCP (SIP listens on both), picked by the kernel.

With --range N: prints "LOW-HIGH", N consecutive ports in 20000-29999 that are free for UDP
right now (for RTP), starting at a random place so parallel runs rarely collide.
"""
import random
import socket
import sys


def free_for(port, kinds):
    sockets = []
    try:
        for kind in kinds:
            s = socket.socket(socket.AF_INET, kind)
            sockets.append(s)
            s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        for s in sockets:
            s.close()


def one_port():
    while True:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        if free_for(port, (socket.SOCK_STREAM, socket.SOCK_DGRAM)):
            return port


def port_range(size):
    for _ in range(200):
        low = random.randrange(20000, 30000 - size, 2)
        if all(free_for(p, (socket.SOCK_DGRAM,)) for p in range(low, low + size)):
            return "%d-%d" % (low, low + size - 1)
    raise SystemExit("free_port: no %d free UDP ports in a row in 20000-29999" % size)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--range":
        print(port_range(int(sys.argv[2])))
    else:
        print(one_port())
