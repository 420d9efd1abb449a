#!/usr/bin/env python3
"""A Home/End/PgUp/PgDn whose ESC comes alone and whose rest ("[1~") comes
120, 150 or 300 ms later, as over SSH on Wi-Fi, with the default ESCDELAY
(100 ms): the ESC has already been taken for Esc, but the rest must never act
as keys (answer a question, pick a class, dismiss a question Esc asked and
then answer) and must not let that Esc end the program.  Quiz, exam, home
and card, under TERM=xterm-256color and vt100, checked against the answer
log.  A lone Esc still ends the program from home, promptly.

The same for a sequence cut later, after "ESC [" or "ESC [1", for longer than
a pause inside a sequence may last (500-700 ms): its rest ("4~") must not
answer a question, land in the code box or the search box; the key still
works when its rest arrives (two late Downs and Enter answer b).

    late.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import os
import re
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
            # On a busy machine the program may read the ESC only once its
            # rest has come (120 ms is just past ESCDELAY): then it was the
            # whole key, and a whole End goes to the last question.  Home,
            # sent whole, brings it back.
            if seq == b"\x1b[4~" and gap < 0.3 and t.wait(r"3/3  answered 0", 0.1):
                t.send(b"\x1b[1~")
                t.settle(0.15)
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
    whole = [0]
    try:
        check(t.wait(r"Status codes › 418", 5), "no card")
        for gap in GAPS:
            for seq in SEQS:
                late(t, seq, gap)
                check(t.alive(), f"card: {seq!r} {gap * 1000:.0f} ms late ended the program")
                # Either the ESC went back to the table, and the rest must
                # not pick a class ("4" of ESC[4~) or move the selection; or,
                # on a busy machine, the program read the ESC only when its
                # rest had come too (120 ms is just past ESCDELAY): then it
                # was the whole key, which does nothing on a card.
                check(t.wait(r"Status codes \(74\) \[all\]|Status codes › 418", 1),
                      f"card: after {seq!r} {gap * 1000:.0f} ms late, neither the card nor the whole table:\n{t.text()}")
                if "Status codes › 418" in t.line(0):
                    whole[0] += 1
                    continue
                sel = t.selected_rows()
                check(sel and sel[0].startswith("418"), f"card: {seq!r} moved the selection to {sel}")
                t.send("\r")
                check(t.wait(r"Status codes › 418", 3), f"card: Enter did not reopen 418:\n{t.text()}")
        check(whole[0] < len(GAPS) * len(SEQS), "card: no ESC was ever taken for Esc")
        if whole[0]:
            print(f"# {term}: {whole[0]} late key(s) on the card read whole (a busy machine)")
    finally:
        t.close()


# A cut after "ESC [" or "ESC [1", longer than a pause inside a sequence.
CUTS = [(b"\x1b[4~", 2), (b"\x1b[2~", 2), (b"\x1b[1~", 3), (b"\x1b[15~", 3), (b"\x1b[1;5A", 2)]
CUT_GAPS = [0.5, 0.7]


def each_cut(t, what, after):
    for gap in CUT_GAPS:
        for seq, at in CUTS:
            t.send(seq, at, gap)
            t.settle(0.15)
            check(t.alive(), f"{what}: {seq!r} cut after {at} bytes for {gap * 1000:.0f} ms ended the program")
            after(seq, at, gap)


def test_cut_pick(term):
    t, db = start(term, "cutpick", "quiz", "--type", "pick", "--seed", "5", "--count", "3")
    try:
        check(t.wait(r"Quiz  1/3", 5), "no quiz")

        def after(seq, at, gap):
            rows = answers(db)
            check(not rows, f"{seq!r} cut after {at} for {gap * 1000:.0f} ms recorded answers {rows}:\n{t.text()}")
            check(t.wait(r"Quiz  1/3", 0.1), f"{seq!r} cut for {gap * 1000:.0f} ms left question 1:\n{t.text()}")
        each_cut(t, "pick", after)
    finally:
        t.close()
    # A key cut and late still works when its rest comes: Down, Down
    # (each "ESC [" then "B" 600 ms later) and Enter answer b.
    t, db = start(term, "cutdown", "quiz", "--type", "pick", "--seed", "5", "--count", "3")
    try:
        check(t.wait(r"Quiz  1/3", 5), "no quiz")
        for _ in range(2):
            t.send(b"\x1b[B", 2, 0.6)
            t.settle(0.15)
        t.send("\r")
        check(t.wait(r"Correct!|Wrong\.", 3), "Enter after two late Downs did not answer")
        rows = answers(db)
        check(len(rows) == 1 and rows[0][1] == rows[0][0].split(",")[1],
              f"after two late Downs and Enter the log holds {rows} (want the 2nd choice)")
    finally:
        t.close()


def test_cut_boxes(term):
    t, db = start(term, "cuttype", "quiz", "--type", "type", "--seed", "5", "--count", "3")
    try:
        check(t.wait(r"Quiz  1/3", 5), "no quiz")

        def after(seq, at, gap):
            check(not answers(db), f"{seq!r} cut: an answer was recorded")
            check(re.search(r"^ *> _?$", t.text(), re.M),
                  f"{seq!r} cut after {at} for {gap * 1000:.0f} ms typed into the code box:\n{t.text()}")
        each_cut(t, "type", after)
    finally:
        t.close()
    t, _ = start(term, "cutsearch", "browse")
    try:
        check(t.wait(r"Status codes", 5), "no codes table")
        t.send("/ab")
        check(t.wait(r"Search: ab", 3), "no search box")

        def after(seq, at, gap):
            check(re.search(r"Search: ab_?$", t.text(), re.M),
                  f"{seq!r} cut after {at} for {gap * 1000:.0f} ms typed into the search box:\n{t.text()}")
        each_cut(t, "search", after)
    finally:
        t.close()


TESTS = [test_quiz, test_exam, test_home, test_card, test_cut_pick, test_cut_boxes]


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
