#!/usr/bin/env python3
"""A Home/End/PgUp/PgDn whose ESC comes alone and whose rest ("[1~") comes
120, 150 or 300 ms later, as over SSH on Wi-Fi, with the default ESCDELAY
(100 ms): the ESC has already been taken for Esc, but the rest must never act
as keys (answer a question, pick a class, dismiss a question Esc asked and
then answer) and must not let that Esc end the program.  Quiz, exam, home
and card, under TERM=xterm-256color and vt100, checked against the answer
log.  A lone Esc still ends the program from home, promptly.

    late.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import os
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term import Term, check, run  # noqa: E402

BIN, TMP = sys.argv[1], sys.argv[2]

# PuTTY/tmux Home and End, the VT220 PgDn, and xterm's SS3 Home.
SEQS = [b"\x1b[1~", b"\x1b[4~", b"\x1b[6~", b"\x1bOH"]
GAPS = [0.12, 0.15, 0.30]


def start(term, name, *args):
    db = os.path.join(TMP, f"{term}-{name}.db")
    t = Term([BIN, "--db", db, "--lang", "en", *args], term=term)
    return t, db


def late(t, seq, gap):
    """ESC alone, then the rest gap seconds later in one write."""
    t.send(seq, 1, gap)
    t.settle(0.15)


def answers(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT shown, given FROM answer ORDER BY id").fetchall()
    finally:
        con.close()


def each_late(t, what, after):
    for gap in GAPS:
        for seq in SEQS:
            late(t, seq, gap)
            check(t.alive(), f"{what}: {seq!r} with its ESC {gap * 1000:.0f} ms early ended the program")
            after(seq, gap)


def test_quiz(term):
    t, db = start(term, "quiz", "quiz", "--type", "pick", "--seed", "3", "--count", "3")
    try:
        check(t.wait(r"Quiz  1/3", 5), "no quiz")

        def after(seq, gap):
            rows = answers(db)
            check(not rows, f"{seq!r} {gap * 1000:.0f} ms late recorded answers {rows}:\n{t.text()}")
            check(t.wait(r"Quiz  1/3", 0.1) and "Score" not in t.text(),
                  f"{seq!r} {gap * 1000:.0f} ms late left question 1:\n{t.text()}")
        each_late(t, "quiz", after)
        check("Stop?" not in t.text(), f"the stop question is still up:\n{t.text()}")
        t.send("2")
        check(t.wait(r"Correct!|Wrong\.", 3), "the quiz no longer takes answers")
        rows = answers(db)
        check(len(rows) == 1 and rows[0][1] == rows[0][0].split(",")[1],
              f"after answering 2 the log holds {rows}")
    finally:
        t.close()


def test_exam(term):
    t, db = start(term, "exam", "exam", "--seed", "5", "--count", "3")
    try:
        check(t.wait(r"Press Enter to start", 5), "no exam start page")
        t.send("\r")
        check(t.wait(r"1/3  answered 0", 5), "the exam did not start")

        def after(seq, gap):
            rows = answers(db)
            check(not rows, f"{seq!r} {gap * 1000:.0f} ms late saved answers {rows}:\n{t.text()}")
            check(t.wait(r"1/3  answered 0", 0.1), f"{seq!r} {gap * 1000:.0f} ms late moved on:\n{t.text()}")
        each_late(t, "exam", after)
        check("Leave" not in t.text(), f"the leave question is still up:\n{t.text()}")
        t.send("3")
        check(t.wait(r"answered 1", 3), "the exam no longer takes answers")
        rows = answers(db)
        check(len(rows) == 1 and rows[0][1] == rows[0][0].split(",")[2],
              f"after answering 3 the log holds {rows}")
    finally:
        t.close()


def test_home(term):
    t, _ = start(term, "home")
    try:
        check(t.wait("Quit", 5), "no home screen")

        def after(seq, gap):
            check(t.wait(r"Quit", 0.1) and t.line(0).startswith(" httptutor › Home "),
                  f"{seq!r} {gap * 1000:.0f} ms late opened a screen:\n{t.text()}")
        each_late(t, "home", after)
        # A lone Esc still quits, without waiting long.
        t0 = time.monotonic()
        t.send(b"\x1b")
        st = t.wait_exit(3)
        took = time.monotonic() - t0
        check(st == 0, f"a lone Esc on the home screen did not quit (status {st})")
        check(took < 1.0, f"a lone Esc took {took:.2f} s to quit")
        print(f"# {term}: lone Esc quit from home in {took * 1000:.0f} ms")
    finally:
        t.close()


def test_card(term):
    t, _ = start(term, "card", "browse", "418")
    try:
        check(t.wait(r"Status codes › 418", 5), "no card")
        for gap in GAPS:
            for seq in SEQS:
                late(t, seq, gap)
                check(t.alive(), f"card: {seq!r} {gap * 1000:.0f} ms late ended the program")
                # The ESC went back to the table; the rest must not pick a
                # class ("4" of ESC[4~) or move the selection.
                check(t.wait(r"Status codes \(74\) \[all\]", 1),
                      f"card: after {seq!r} {gap * 1000:.0f} ms late, not the whole table:\n{t.text()}")
                sel = t.selected_rows()
                check(sel and sel[0].startswith("418"), f"card: {seq!r} moved the selection to {sel}")
                t.send("\r")
                check(t.wait(r"Status codes › 418", 3), f"card: Enter did not reopen 418:\n{t.text()}")
    finally:
        t.close()


TESTS = [test_quiz, test_exam, test_home, test_card]


def main():
    # The two terminals run side by side: the gaps are waits, not work.
    only = os.environ.get("KEYS_ONLY", "")
    threads = [threading.Thread(target=run, args=([(f"late-{t.__name__[5:]}-{term}", t, (term,))
                                                    for t in TESTS if only in f"{t.__name__}-{term}"],))
               for term in ("xterm-256color", "vt100")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


if __name__ == "__main__":
    main()
