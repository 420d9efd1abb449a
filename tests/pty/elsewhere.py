#!/usr/bin/env python3
"""A full-screen exam whose attempt is answered elsewhere meanwhile (QA-5b
#8: an SSH session drops, the student logs in again, and the old session is
still alive): plain mode in a second terminal answers questions 1 and 2.

- The finish prompt lists the questions the store has unanswered, and says
  which were answered elsewhere (it said "Unanswered: questions 1, 2, 3, 4").
- Moving to a question shows the answer that stands in the store.
- A key pressed on a question answered elsewhere since it was shown does not
  silently replace that answer: it says so; the same key again replaces it.

On a class file and through a class server (class serve), in English and
zh-TW.

    elsewhere.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term import Term, check, run  # noqa: E402

BIN, TMP = sys.argv[1], sys.argv[2]


class Where:
    """Where the exam lives: a database file, or a class server's folder."""

    def __init__(self, name, server=False):
        self.dir = os.path.join(TMP, name)
        os.makedirs(self.dir, exist_ok=True)
        self.db = os.path.join(self.dir, "class.db")
        self.proc = None
        if server:
            self.proc = subprocess.Popen([BIN, "class", "serve", self.dir],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            sock = os.path.join(self.dir, "class.sock")
            end = time.monotonic() + 10
            while not os.path.exists(sock) and time.monotonic() < end:
                time.sleep(0.05)
            check(os.path.exists(sock), "the class server did not start")
            self.args = ["--class", self.dir]
        else:
            self.args = ["--db", self.db, "--user", "ann"]

    def cli(self, *args, stdin=""):
        env = dict(os.environ)
        env.pop("HTTPTUTOR_USER", None)
        return subprocess.run([BIN, *self.args, *args], input=stdin, capture_output=True,
                              text=True, timeout=30, env=env)

    def answers(self):
        """(item, given) of every exam answer, oldest first (the server's file too)."""
        con = sqlite3.connect(self.db)
        try:
            return con.execute("SELECT item, given FROM answer WHERE session_id IN "
                               "(SELECT id FROM session WHERE attempt IS NOT NULL) "
                               "ORDER BY id").fetchall()
        finally:
            con.close()

    def close(self):
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def setup(name, server, lang="en"):
    w = Where(name, server)
    if not server:
        r = subprocess.run([BIN, "--db", w.db, "--user", "teacher", "exam", "new", "net",
                            "--count", "4", "--minutes", "20", "--type", "pick"],
                           capture_output=True, text=True, timeout=30)
    else:
        r = w.cli("exam", "new", "net", "--count", "4", "--minutes", "20", "--type", "pick")
    check(r.returncode == 0, f"exam new: {r.stderr}")
    env = {} if server else {"HTTPTUTOR_USER": "ann"}
    t = Term([BIN, *w.args, "--lang", lang, "exam", "net"], env=env)
    start = r"Press Enter to start" if lang == "en" else r"Enter"
    check(t.wait(start, 5), f"no exam start page:\n{t.text()}")
    t.send("\r")
    check(t.wait(r"1/4  (answered|已答) 0", 5), f"the exam did not start:\n{t.text()}")
    return w, t


def plain(w, keys):
    r = w.cli("--lang", "en", "exam", "net", "--plain", stdin=keys)
    check("Saved: " in r.stdout, f"plain mode did not save:\n{r.stdout}\n{r.stderr}")
    return r


def flat(t):
    """The screen's words, lines joined (a prompt may take two lines)."""
    return " ".join(t.text().split())


def wait_flat(t, words, timeout=3.0):
    end = time.monotonic() + timeout
    while words not in flat(t):
        if time.monotonic() > end or not t.pump(0.05):
            return words in flat(t)
    return True


def test_finish(name, server, lang):
    w, t = setup(name, server, lang)
    try:
        plain(w, "1\n2\n")
        t.send("f")
        ask = "Finish the exam? " if lang == "en" else "要交卷嗎？"
        if lang == "en":
            want = "Answered elsewhere: questions 1, 2. Unanswered: questions 3, 4. y/n"
        else:
            want = "已在別處作答：第 1、2 題。未作答：第 3、4 題。 y/n"
        check(wait_flat(t, ask + want),
              f"the finish prompt does not list what the store holds (want {want!r}):\n{t.text()}")
        t.send("n")
        t.settle()
        check(ask.strip() not in flat(t), f"n did not take the prompt away:\n{t.text()}")
        check(t.wait(r"1/4  (answered|已答) 2", 3), f"the title does not count 2:\n{t.text()}")
        check(t.wait(r"\[●\]●○○", 1), f"the strip does not mark 1 and 2:\n{t.text()}")
        t.send("f")
        again = ("Unanswered: questions 3, 4. y/n" if lang == "en" else "未作答：第 3、4 題。 y/n")
        check(wait_flat(t, ask + again), f"the second prompt:\n{t.text()}")
    finally:
        t.close()
        w.close()


def test_move(name, server):
    w, t = setup(name, server)
    try:
        plain(w, "\n3\n")            # Enter skips question 1; question 2 gets c
        t.send("n")
        check(t.wait(r"Answered elsewhere: question 2\.", 3),
              f"moving to question 2 does not say it was answered elsewhere:\n{t.text()}")
        check(t.wait(r"\(•\) 3\) c", 1) and t.wait(r"Your answer: c\)", 1),
              f"question 2 does not show the stored answer c:\n{t.text()}")
    finally:
        t.close()
        w.close()


def test_no_overwrite(name, server):
    w, t = setup(name, server)
    try:
        plain(w, "1\n")
        before = w.answers()
        check(len(before) == 1, f"plain mode left {before}")
        t.send("2")
        check(t.wait(r"Question 1 was answered elsewhere; answer again to replace that answer", 3),
              f"a key on a question answered elsewhere was taken silently:\n{t.text()}")
        check(w.answers() == before, f"it replaced the answer given elsewhere: {w.answers()}")
        check(t.wait(r"\(•\) 1\) a", 1), f"the stored answer a is not shown:\n{t.text()}")
        t.send("2")
        check(t.wait(r"Answer to question 1 saved", 3), f"the same key again did not save:\n{t.text()}")
        after = w.answers()
        check(len(after) == 2 and after[1][0] == before[0][0] and after[1][1] != before[0][1],
              f"the answers are {after}")
    finally:
        t.close()
        w.close()


def main():
    cases = []
    for server in (False, True):
        k = "server" if server else "file"
        cases += [(f"elsewhere-finish-{k}", test_finish, (f"finish-{k}", server, "en")),
                  (f"elsewhere-move-{k}", test_move, (f"move-{k}", server)),
                  (f"elsewhere-no-overwrite-{k}", test_no_overwrite, (f"over-{k}", server))]
    cases.append(("elsewhere-finish-zh", test_finish, ("finish-zh", False, "zh-TW")))
    run(cases)


main()
