#!/usr/bin/env python3
"""vanish.py delete|replace DB OTHER -- httptutor ARGS...: a plain-mode quiz
whose database disappears under it.  Answers "1" to the first question, then
deletes DB (delete) or moves the database OTHER over it (replace), answers
"1" again, and checks: that answer is reported NOT SAVED with "deleted or
replaced", the quiz stops there (no third question), the exit status is 1,
and OTHER's answers were not touched.  Exit 1 with a reason on failure."""
import os
import select
import sqlite3
import subprocess
import sys
import time

how, db, other = sys.argv[1:4]
cmd = sys.argv[sys.argv.index("--") + 1:]
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out = b""


def wait_for(pattern, count):
    """Read stdout until pattern has appeared count times (10 s at most)."""
    global out
    deadline = time.monotonic() + 10
    while out.count(pattern) < count:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([p.stdout], [], [], left)[0]:
            p.kill()
            sys.exit(f"no {pattern!r} #{count} in time; output so far: {out[-300:]!r}")
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            sys.exit(f"the program ended early: {out[-300:]!r}")
        out += chunk


def rows(path):
    c = sqlite3.connect(path)
    n = c.execute("SELECT count(*) FROM answer").fetchone()[0]
    c.close()
    return n


wait_for(b"> ", 1)
p.stdin.write(b"1\n")
p.stdin.flush()
wait_for(b"\n[2/", 1)
before = rows(other)
if how == "delete":
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
else:
    os.replace(other, db)
    other = db
p.stdin.write(b"1\n")
p.stdin.flush()
try:
    rest, err = p.communicate(timeout=10)
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit("did not stop after the database went away")
out += rest
err = err.decode(errors="replace")
if p.returncode != 1:
    sys.exit(f"exit {p.returncode}, want 1; stderr {err[:300]!r}")
if "NOT SAVED" not in err or "deleted or replaced" not in err:
    sys.exit(f"no NOT SAVED / deleted or replaced on stderr: {err[:300]!r}")
if b"[3/" in out:
    sys.exit("went on asking after the database was gone")
if rows(other) != before:
    sys.exit(f"the other database changed: {before} answers, now {rows(other)}")
