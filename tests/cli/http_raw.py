#!/usr/bin/python3
"""Raw HTTP over loopback for tests/cli/test_serve.sh, where curl cannot
say what is wanted: a request left half sent.

  http_raw.py inflight PORT PID   sends the headers of a request with a
      body, and once the server has taken them (100 Continue) sends SIGTERM
      to PID, waits until the server refuses new connections (it has
      stopped accepting), sends the body and prints the status line of
      the answer
  http_raw.py perip PORT N        opens N connections from 127.0.0.1,
      keeps them open, then asks for /healthz on each and prints how many
      were answered
  http_raw.py slow PORT SECONDS   sends half a request line's headers and
      prints "closed" when the server closes the connection within
      SECONDS, else "open"
"""
import os
import signal
import socket
import sys
import time


def connect(port):
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def inflight(port, pid):
    s = connect(port)
    # "Expect: 100-continue" makes the server say when it has taken the
    # request's headers: from then on the request is in flight.
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
              b"Content-Length: 10\r\n\r\n")
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            print("no 100 Continue")
            return
        data += chunk
    if b" 100 " not in data.split(b"\r\n")[0]:
        print("no 100 Continue: " + data.split(b"\r\n")[0].decode())
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            c = socket.create_connection(("127.0.0.1", port), timeout=1)
            c.close()
        except OSError:
            break
    else:
        print("still accepting")
        return
    s.sendall(b"1234567890")
    data = b""
    while b"\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    print(data.split(b"\r\n")[0].decode() if data else "no answer")


def slow(port, seconds):
    s = connect(port)
    s.settimeout(seconds)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost:")
    try:
        data = s.recv(4096)
        print("closed" if data == b"" or b"408" in data or b"HTTP/1.1" in data else "open")
    except socket.timeout:
        print("open")
    except ConnectionResetError:
        print("closed")


def perip(port, n):
    socks = [connect(port) for _ in range(n)]
    answered = 0
    for s in socks:
        try:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            s.settimeout(5)
            if s.recv(4096).startswith(b"HTTP/1.1 200"):
                answered += 1
        except OSError:
            pass
    print(answered)


if __name__ == "__main__":
    if sys.argv[1] == "inflight":
        inflight(int(sys.argv[2]), int(sys.argv[3]))
    elif sys.argv[1] == "perip":
        perip(int(sys.argv[2]), int(sys.argv[3]))
    else:
        slow(int(sys.argv[2]), float(sys.argv[3]))
