#!/usr/bin/env python3
"""Hostile and unlucky clients against a running class server, each while a
well-behaved client keeps being answered (tests/server.sh).

  robust.py idle SOCK N        N idle connections (plus a slow client sending
                               one byte a second, a half-sent body and a
                               client that disconnects after sending a full
                               request); a GET /v1/me meanwhile must be
                               answered within a second, every time.
  robust.py flood SOCK         requests back to back on one connection until
                               one is refused: prints that status and its
                               Retry-After.
  robust.py stopping SOCK PID  a request sent half before SIGTERM to PID and
                               half after: prints the status and Retry-After.
SOCK is a Unix socket path, or HOST:PORT for TCP.  Exit 1 with a reason on
failure."""
import os, resource, signal, socket, sys, time

mode, where = sys.argv[1], sys.argv[2]


def connect():
    if ":" in where and not where.startswith("/"):
        host, port = where.rsplit(":", 1)
        return socket.create_connection((host, int(port)), timeout=10)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(where)
    return s


def read_reply(s):
    """Status and headers (lower-case names) of one reply; the body is read."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a reply: %r" % data[:200])
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    hdrs = {}
    for ln in lines[1:]:
        k, v = ln.split(":", 1)
        hdrs[k.strip().lower()] = v.strip()
    need = int(hdrs.get("content-length", "0"))
    while len(rest) < need:
        chunk = s.recv(65536)
        if not chunk:
            break
        rest += chunk
    return status, hdrs, rest


GET_ME = b"GET /v1/me HTTP/1.1\r\nHost: x\r\n\r\n"


def timed_get():
    t0 = time.monotonic()
    s = connect()
    s.sendall(GET_ME)
    status, _, _ = read_reply(s)
    s.close()
    return status, time.monotonic() - t0


if mode == "idle":
    n = int(sys.argv[3])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    idle = [connect() for _ in range(n)]
    # A slow client: one byte a second of a real request.
    slow = connect()
    slow_req = b"POST /v1/visits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    # Half a body, then nothing.
    half = connect()
    half.sendall(b"POST /v1/answers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"item\":")
    # A whole request, and gone before the reply.
    gone = connect()
    gone.sendall(b"POST /v1/visits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 2\r\n\r\n{}")
    gone.close()
    worst = 0.0
    for i in range(6):
        slow.sendall(slow_req[i:i + 1])
        status, secs = timed_get()
        if status != 200:
            sys.exit("GET /v1/me answered %d beside %d idle connections" % (status, n))
        worst = max(worst, secs)
        time.sleep(1)
    if worst > 1.0:
        sys.exit("GET /v1/me took %.2f s beside %d idle connections" % (worst, n))
    # The idle ones are still open and still served.
    idle[0].sendall(GET_ME)
    status, _, _ = read_reply(idle[0])
    if status != 200:
        sys.exit("an idle connection was answered %d" % status)
    for s in idle + [slow, half]:
        s.close()
    print("ok %d idle, slowest answer %.0f ms" % (n, worst * 1000))

elif mode == "flood":
    s = connect()
    for i in range(2000):
        s.sendall(GET_ME)
        status, hdrs, _ = read_reply(s)
        if status != 200:
            print(status, hdrs.get("retry-after", "-"), i)
            break
    else:
        print("no refusal after 2000 requests")

elif mode == "stopping":
    pid = int(sys.argv[3])
    s = connect()
    s.sendall(b"GET /v1/me HTTP/1.1\r\nHost: x\r\n")
    time.sleep(0.2)
    os.kill(pid, signal.SIGTERM)
    time.sleep(0.3)
    s.sendall(b"\r\n")
    status, hdrs, body = read_reply(s)
    print(status, hdrs.get("retry-after", "-"))
