#!/usr/bin/env python3
"""class60.py BIN DIR [--students N] [--questions Q] [--think LO HI] [--no-teacher]
             [--figures FILE]

A class sits one timed exam at the same moment, as separate plain-mode
processes on one database, while the teacher keeps `report --exam --watch`
open on a terminal (a pty, through pyte) and runs `report --exam --json`
over and over.  Each student answers as a person would (a choice, or a code
for a "type" question), after a think time drawn from LO..HI ms, changes
nothing, and finishes.

Checks, printed as "ok NAME" / "FAIL NAME: why" lines:
  every answer confirmed on screen ("Saved:") is in the database, and no
  more (0 lost); no student and no report saw a busy or NOT SAVED error (0
  busy); every attempt ended; the database's integrity check passes; the
  live board showed the whole class finished; the reports kept working.
The figures (answer-to-saved latency p50/p99 in ms, counts) go to --figures
as JSON and to a "# figures ..." line.
"""
import json
import os
import random
import re
import selectors
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "pty"))

PROMPT = re.compile(rb"(?:^|\n)[^\n]*> $")


def percentile(xs, p):
    if not xs:
        return None
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * (len(xs) - 1)))))
    return xs[k]


class Student:
    """One plain-mode exam process and the state of answering it."""

    def __init__(self, argv, env, name, think):
        self.name, self.think = name, think
        self.p = subprocess.Popen(argv + ["--user", name], env=env, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.set_blocking(self.p.stdout.fileno(), False)
        os.set_blocking(self.p.stderr.fileno(), False)
        self.out, self.err = b"", b""
        self.seen = 0             # bytes of out already looked at
        self.due = None           # when to type the next reply
        self.reply = None
        self.sent_at = None       # when the last answer was written
        self.latencies, self.saved, self.done = [], 0, False

    def feed(self, data):
        self.out += data
        now = time.monotonic()
        fresh = self.out[self.seen:]
        self.seen = len(self.out)
        n = fresh.count(b"Saved: ")
        if n and self.sent_at is not None:
            self.latencies.append((now - self.sent_at) * 1000.0)
            self.sent_at = None
        self.saved += n
        if not PROMPT.search(self.out) or self.due is not None:
            return
        tail = self.out.rsplit(b"\n[", 1)[-1]
        last = self.out.rsplit(b"\n", 1)[-1]
        if b"y/n" in last:
            self.reply, self.due = b"y\n", now
        elif b"Type finish" in tail:
            self.reply, self.due = b"finish\n", now
        else:
            choice = re.search(rb"^  1\) ", tail, re.M)
            self.reply = b"1\n" if choice else b"599\n"
            self.due = now + random.uniform(*self.think) / 1000.0

    def tick(self, now):
        if self.due is None or now < self.due or self.p.stdin.closed:
            return
        try:
            self.p.stdin.write(self.reply)
            self.p.stdin.flush()
        except BrokenPipeError:
            return
        if self.reply not in (b"y\n", b"finish\n"):
            self.sent_at = time.monotonic()
        self.due = None


def teacher_reports(argv, env, stop, result):
    """report --exam --json, again and again, until stop is set."""
    runs = fails = 0
    while not stop.is_set():
        p = subprocess.run(argv, env=env, capture_output=True)
        runs += 1
        if p.returncode != 0 or b"locked" in p.stderr or b"busy" in p.stderr:
            fails += 1
            result["last_error"] = p.stderr.decode("utf-8", "replace")[:200]
        time.sleep(0.3)
    result.update(runs=runs, fails=fails)


def main():
    args = sys.argv[1:]
    binary, folder = args[0], args[1]
    opts = {"--students": 60, "--questions": 20}
    think = (100.0, 600.0)
    teacher, figures = True, None
    i = 2
    while i < len(args):
        if args[i] in opts:
            opts[args[i]] = int(args[i + 1])
            i += 2
        elif args[i] == "--think":
            think = (float(args[i + 1]), float(args[i + 2]))
            i += 3
        elif args[i] == "--no-teacher":
            teacher = False
            i += 1
        elif args[i] == "--figures":
            figures = args[i + 1]
            i += 2
        else:
            sys.exit("class60.py: unknown option " + args[i])
    n, q = opts["--students"], opts["--questions"]
    db = os.path.join(folder, "class.db")
    env = dict(os.environ, HTTPTUTOR_DB=db, LC_ALL="C.UTF-8", LANGUAGE="en")
    for k in ("HTTPTUTOR_TEST_SCRIPT", "HTTPTUTOR_USER", "COLUMNS"):
        env.pop(k, None)
    made = subprocess.run([binary, "--user", "teacher", "exam", "new", "class", "--count", str(q),
                           "--minutes", "30", "--type", "pick,meaning,header"],
                          env=env, capture_output=True)
    if made.returncode != 0:
        print("FAIL class-exam-new: " + made.stderr.decode()[:200])
        return

    board = None
    stop, rep = threading.Event(), {}
    reporter = None
    if teacher:
        from term import Term   # tests/pty/term.py: the binary on a pty, pyte as its screen
        board = Term([binary, "--lang", "en", "report", "--exam", "class", "--watch"],
                     env={"HTTPTUTOR_DB": db}, cols=100, rows=40)
        board.wait(r"Exam class — live", 5)
        reporter = threading.Thread(target=teacher_reports, args=(
            [binary, "report", "--exam", "class", "--json"], env, stop, rep))
        reporter.start()

    sel = selectors.DefaultSelector()
    students = []
    t0 = time.monotonic()
    argv = [binary, "exam", "class", "--plain"]
    for k in range(n):
        s = Student(argv, env, "s%02d" % k, think)
        students.append(s)
        sel.register(s.p.stdout, selectors.EVENT_READ, (s, "out"))
        sel.register(s.p.stderr, selectors.EVENT_READ, (s, "err"))
    open_streams = 2 * n
    deadline = t0 + 300
    while open_streams and time.monotonic() < deadline:
        for key, _ in sel.select(timeout=0.01):
            s, which = key.data
            try:
                data = os.read(key.fileobj.fileno(), 65536)
            except BlockingIOError:
                continue
            if not data:
                sel.unregister(key.fileobj)
                open_streams -= 1
                continue
            if which == "out":
                s.feed(data)
            else:
                s.err += data
        now = time.monotonic()
        for s in students:
            s.tick(now)
        if board:
            board.pump(0)
    elapsed = time.monotonic() - t0
    for s in students:
        try:
            s.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            s.p.kill()
            s.p.wait()
    stop.set()
    if reporter:
        reporter.join()

    confirmed = sum(s.saved for s in students)
    busy = sum(len(re.findall(rb"NOT SAVED|locked|busy", s.err)) for s in students)
    latencies = [x for s in students for x in s.latencies]
    con = sqlite3.connect(db)
    stored = con.execute("SELECT count(*) FROM answer a JOIN session s ON s.id = a.session_id "
                         "WHERE s.exam_id = 'class'").fetchone()[0]
    ended = con.execute("SELECT count(*) FROM session WHERE exam_id = 'class' "
                        "AND end_reason = 'finished'").fetchone()[0]
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()

    def check(name, cond, why):
        print(("ok %s" % name) if cond else ("FAIL %s: %s" % (name, why)))

    check("class-answers-confirmed", confirmed == n * q,
          "%d answers confirmed, %d asked" % (confirmed, n * q))
    check("class-none-lost", stored == confirmed,
          "%d confirmed on screen, %d in the database" % (confirmed, stored))
    check("class-none-busy", busy == 0, "%d busy or NOT SAVED messages: %s" % (
        busy, next((s.err[:200] for s in students if s.err), b"").decode("utf-8", "replace")))
    check("class-all-finished", ended == n and all(s.p.returncode == 0 for s in students),
          "%d of %d attempts finished; exit codes %s" % (
              ended, n, sorted(set(s.p.returncode for s in students))))
    check("class-integrity", integrity == "ok", integrity)
    if board:
        shown = board.wait(r"%d students: %d finished" % (n, n), 6)
        check("class-live-board", shown is not None,
              "the board never showed the class finished:\n" + board.text()[:600])
        board.pump(0.1)
        os.write(board.fd, b"q")
        gone = board.wait(r"\Z.", 0.1) is None
        end = time.monotonic() + 5
        status = None
        while time.monotonic() < end:
            board.pump(0.05)
            pid, st = os.waitpid(board.pid, os.WNOHANG)
            if pid:
                status = st
                break
        check("class-live-board-quits", status is not None and os.WIFEXITED(status) and
              os.WEXITSTATUS(status) == 0, "q did not end the board (status %r)" % (status,))
        del gone
        check("class-reports-while-writing", rep.get("runs", 0) > 0 and rep.get("fails", 0) == 0,
              "%s of %s reports failed: %s" % (rep.get("fails"), rep.get("runs"), rep.get("last_error")))
    fig = {"students": n, "questions": q, "answers": confirmed, "stored": stored,
           "lost": confirmed - stored if stored <= confirmed else 0, "busy": busy,
           "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99),
           "max_ms": max(latencies) if latencies else None, "seconds": elapsed,
           "reports": rep.get("runs", 0)}
    print("# figures " + json.dumps(fig))
    if figures:
        with open(figures, "w") as f:
            json.dump(fig, f)


if __name__ == "__main__":
    main()
