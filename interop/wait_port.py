#!/usr/bin/env python3
"""wait_port.py PORT SECONDS: waits until something accepts TCP connections on 127.0.0.1:PORT.

Exit status 0 when it does, 1 when SECONDS pass first.
"""
import socket
import sys
import time

port, seconds = int(sys.argv[1]), float(sys.argv[2])
deadline = time.monotonic() + seconds
while True:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        sys.exit(0)
    except OSError:
        if time.monotonic() > deadline:
            sys.exit(1)
        time.sleep(0.3)
