#!/usr/bin/env python3
"""Invariant checks that need a second process holding the database's write
lock while httptutor answers (tests/invariants.sh).  One check per call:

  locked.py wait     BIN DB   lock held 1.2 s: the plain quiz waits (busy
                              timeout 5 s) and saves; no NOT SAVED, exit 0
  locked.py verdict  BIN DB   lock held: no verdict may be printed while the
                              answer cannot have been saved yet
  locked.py migrate  BIN DB   an old-schema file, lock held by a writer that
                              commits a change: the migration waits for it
                              (BEGIN IMMEDIATE) instead of failing

Prints one line and exits 0 when the promise holds, 1 when it is broken."""
import os, select, sqlite3, subprocess, sys, threading, time

what, BIN, DB = sys.argv[1], sys.argv[2], sys.argv[3]
ENV = dict(os.environ, HTTPTUTOR_DB=DB, LANGUAGE="en", LC_ALL="C.UTF-8")
ENV.pop("HTTPTUTOR_TEST_SCRIPT", None)
QUIZ = [BIN, "--lang", "en", "quiz", "--plain", "--count", "1", "--seed", "3", "--type", "pick"]


def answers():
    c = sqlite3.connect(DB, timeout=30)
    n = c.execute("SELECT count(*) FROM answer").fetchone()[0]
    c.close()
    return n


def hold(seconds, ready, change=False):
    """Take the write lock (as another student's program would) for seconds."""
    c = sqlite3.connect(DB, timeout=30, isolation_level=None)
    c.execute("BEGIN IMMEDIATE")
    if change:
        c.execute("INSERT INTO profile(name, created_at) VALUES ('holder', 0)")
    ready.set()
    time.sleep(seconds)
    c.execute("COMMIT")
    c.close()


def fail(msg):
    print("BROKEN:", msg)
    sys.exit(1)


def read_until(p, words, deadline):
    out = b""
    while time.monotonic() < deadline:
        r, _, _ = select.select([p.stdout], [], [], 0.05)
        if r:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            out += chunk
            if any(w in out for w in words):
                break
    return out


before = answers() if what != "migrate" else 0
ready = threading.Event()
if what == "wait":
    t = threading.Thread(target=hold, args=(1.2, ready))
    t.start(); ready.wait()
    p = subprocess.run(QUIZ, input=b"1\n", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=ENV, timeout=30)
    t.join()
    err = p.stderr.decode()
    if p.returncode != 0 or "NOT SAVED" in err:
        fail(f"a 1.2 s lock made the answer fail (exit {p.returncode}): {err.strip()}")
    if answers() != before + 1:
        fail(f"{answers() - before} answers saved, expected 1")
    print("ok: waited for a 1.2 s lock and saved the answer")
elif what == "verdict":
    p = subprocess.Popen(QUIZ, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=ENV)
    # Wait for the question (the session is open), then take the lock.
    if b"> " not in read_until(p, [b"> "], time.monotonic() + 10):
        p.kill()
        fail("no question was asked")
    t = threading.Thread(target=hold, args=(1.5, ready))
    t.start(); ready.wait()
    held_until = time.monotonic() + 1.5
    p.stdin.write(b"1\n"); p.stdin.flush()
    early = read_until(p, [b"Correct", b"Wrong"], held_until - 0.3)
    if b"Correct" in early or b"Wrong" in early:
        p.kill(); t.join()
        fail("the verdict was printed while the write lock was held, before the answer was saved")
    t.join()
    p.stdin.close()
    rest = p.stdout.read()
    p.wait(timeout=30)
    if not (b"Correct" in rest or b"Wrong" in rest):
        fail("no verdict after the lock was released")
    if answers() != before + 1:
        fail("the judged answer is not in the database")
    print("ok: the verdict waited for the save")
elif what == "migrate":
    # Build a schema-2 database as an older httptutor left it (WAL, our id).
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "db")
    c = sqlite3.connect(DB, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    for f in sorted(os.listdir(root))[:2]:
        c.executescript(open(os.path.join(root, f)).read())
    c.execute("PRAGMA application_id = %d" % 0x48545450)
    c.execute("PRAGMA user_version = 2")
    c.close()
    t = threading.Thread(target=hold, args=(1.0, ready, True))
    t.start(); ready.wait()
    p = subprocess.run(QUIZ, input=b"1\n", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=ENV, timeout=30)
    t.join()
    if p.returncode != 0:
        fail(f"upgrading while another program wrote failed (exit {p.returncode}): "
             f"{p.stderr.decode().strip()}")
    c = sqlite3.connect(DB)
    v = c.execute("PRAGMA user_version").fetchone()[0]
    n = c.execute("SELECT count(*) FROM answer").fetchone()[0]
    c.close()
    if n != 1 or v < 3:
        fail(f"after the upgrade: schema {v}, {n} answers")
    print(f"ok: the upgrade to schema {v} waited for the other writer")
else:
    sys.exit("unknown check " + what)
