#!/usr/bin/env python3
"""A disk that is already full when a quiz starts: its session row cannot be
written.  Every answer must then say the disk is full (not that the database
is damaged), and once space is back the next answer (plain mode) or `s`
(full screen) saves it, with a session row for it to belong to.

A small tmpfs (1 MiB: a fresh database's migrations pass through its WAL
first) is mounted for the database (we run as root); a filler file
takes the space, leaving just enough for SQLite to open the file but not to
write a row.

    diskfull.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import os
import select
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term import Term, check, run  # noqa: E402

BIN, TMP = sys.argv[1], sys.argv[2]
MNT = os.path.join(TMP, "full")
DB = os.path.join(MNT, "a.db")
FILL = os.path.join(MNT, "fill")
QUIZ = ["quiz", "--type", "pick", "--seed", "9", "--count", "2"]


def plain(*args, stdin=b""):
    return subprocess.run([BIN, "--db", DB, "--lang", "en", *args, "--plain"],
                          input=stdin, capture_output=True, timeout=30)


def fill_leaving(kib):
    """A fresh database with one answer, then the disk filled up to kib KiB."""
    for f in os.listdir(MNT):
        os.remove(os.path.join(MNT, f))
    plain("quiz", "--type", "pick", "--seed", "1", "--count", "1", stdin=b"1\n")
    fd = os.open(FILL, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while os.write(fd, b"\0" * 4096) > 0:
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    os.truncate(FILL, max(0, os.path.getsize(FILL) - kib * 1024))


def full_at_start():
    """Leave room to open the database but not to write the session row
    (SQLite's shared-memory file needs 32 KiB)."""
    for kib in (32, 36, 28, 40, 44, 24, 48):
        fill_leaving(kib)
        r = plain(*QUIZ)   # no answers: it only starts the session
        if b"could not start the session" in r.stderr:
            check(b"disk is full" in r.stderr, f"the session failed, but not as a full disk: {r.stderr!r}")
            fill_leaving(kib)
            return
    check(False, "could not find a fill that stops the session row")


def rows():
    con = sqlite3.connect(DB)
    try:
        n = con.execute("SELECT count(*) FROM answer").fetchone()[0]
        orphans = con.execute("SELECT count(*) FROM answer a WHERE session_id IS NOT NULL AND "
                              "NOT EXISTS (SELECT 1 FROM session s WHERE s.id = a.session_id)").fetchone()[0]
        return n, orphans
    finally:
        con.close()


def read_until(f, needle, timeout=10):
    buf = b""
    end = time.monotonic() + timeout
    while needle not in buf and time.monotonic() < end:
        r, _, _ = select.select([f], [], [], 0.1)
        if r:
            chunk = os.read(f.fileno(), 4096)
            if not chunk:
                break
            buf += chunk
    return buf


def test_plain():
    full_at_start()
    p = subprocess.Popen([BIN, "--db", DB, "--lang", "en", *QUIZ, "--plain"],
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        p.stdin.write(b"1\n")
        p.stdin.flush()
        err = read_until(p.stderr, b"NOT SAVED")
        check(b"NOT SAVED" in err, f"the first answer was not said to be lost: {err!r}")
        line = err[err.index(b"NOT SAVED"):].split(b"\n")[0]
        check(b"disk is full" in line and b"damaged" not in line,
              f"a full disk is reported as {line!r}")
        os.remove(FILL)   # space is back
        p.stdin.write(b"2\n")
        p.stdin.close()
        rest = p.stderr.read()
        st = p.wait(10)
    finally:
        if p.poll() is None:
            p.kill()
    check(b"NOT SAVED" not in rest, f"the answer after space came back was not saved: {rest!r}")
    n, orphans = rows()
    check(n == 2 and orphans == 0, f"{n} answers in the log (want 1 before + 1), {orphans} without their session")
    check(st == 1, f"exit {st}, want 1 (one answer was not saved)")


def test_screen():
    full_at_start()
    t = Term([BIN, "--db", DB, "--lang", "en", *QUIZ])
    try:
        check(t.wait(r"Quiz  1/2", 5), f"no quiz:\n{t.text()}")
        t.send("1")
        check(t.wait(r"NOT SAVED", 3), f"the answer was not said to be lost:\n{t.text()}")
        status = t.line(t.rows - 1)
        check("disk is full" in status and "damaged" not in status,
              f"a full disk is reported as {status!r}")
        check("s: retry" in status, f"the retry key is not shown: {status!r}")
        os.remove(FILL)
        t.send("s")
        check(t.wait(r"Answer saved\.", 3), f"s did not save once space was back:\n{t.line(t.rows - 1)}")
        n, orphans = rows()
        check(n == 2 and orphans == 0, f"{n} answers in the log (want 2), {orphans} without their session")
    finally:
        t.close()


def test_deleted_screen():
    """The database deleted while a question is on screen: the answer is
    NOT SAVED, the summary counts it, and when the screen closes the
    program says so and exits 1 (it said "all right!" and exited 0)."""
    db = os.path.join(TMP, "gone.db")
    subprocess.run([BIN, "--db", db, "--lang", "en", "quiz", "--plain", "--type", "pick",
                    "--seed", "1", "--count", "1"], input=b"1\n", capture_output=True, timeout=30)
    t = Term([BIN, "--db", db, "--lang", "en", *QUIZ])
    try:
        check(t.wait(r"Quiz  1/2", 5), f"no quiz:\n{t.text()}")
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f):
                os.remove(f)
        t.send("1")
        check(t.wait(r"NOT SAVED", 3), f"the answer was not said to be lost:\n{t.text()}")
        t.send("qy")
        check(t.wait(r"answers that could not be saved: 1", 3), f"the summary does not count it:\n{t.text()}")
        t.send("q")
        check(t.wait(r"q: quit", 3), f"q did not go home:\n{t.text()}")
        t.send("q")
        st = t.wait_exit(5)
        check(st == 1, f"exit status {st}, want 1")
        check(b"answers that could not be saved: 1" in t.raw.split(b"\x1b[?2004l")[-1],
              "nothing said after the screen closed")
    finally:
        t.close()


def test_exam_typed_kept():
    """An exam answer typed into the code box and NOT SAVED stays in the
    box, so Enter sends it again (it was cleared: QA 4b D14)."""
    db = os.path.join(TMP, "exam-gone.db")
    subprocess.run([BIN, "--db", db, "--lang", "en", "--user", "teacher", "exam", "new", "t1",
                    "--count", "2", "--type", "type"], capture_output=True, timeout=30)
    t = Term([BIN, "--db", db, "--lang", "en", "exam", "t1"])
    try:
        check(t.wait(r"Press Enter to start", 5), f"no exam start page:\n{t.text()}")
        t.send("\r")
        check(t.wait(r"1/2  answered 0", 5), f"the exam did not start:\n{t.text()}")
        for f in (db, db + "-wal", db + "-shm"):   # the next write fails
            if os.path.exists(f):
                os.remove(f)
        t.send("404\r")
        check(t.wait(r"NOT SAVED", 5), f"the answer was not said to be lost:\n{t.text()}")
        check(t.wait(r"> 404", 1), f"the typed code was cleared:\n{t.text()}")
    finally:
        t.close()


def main():
    run([("deleted-under-screen", test_deleted_screen, ()),
         ("exam-typed-kept", test_exam_typed_kept, ())])
    os.makedirs(MNT, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", MNT],
                      capture_output=True).returncode != 0:
        print("ok diskfull (skipped: cannot mount a tmpfs)")
        return
    try:
        run([("diskfull-at-start-plain", test_plain, ()),
             ("diskfull-at-start-screen", test_screen, ())])
    finally:
        subprocess.run(["umount", MNT])


if __name__ == "__main__":
    main()
