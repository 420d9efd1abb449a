#!/usr/bin/env python3
"""A question taller than the screen (QA-5a #1, #4), on a real terminal at
60x16 and 80x24, English and Chinese: the highlighted choice is always on
screen (found by its reverse video, NO_COLOR), the scroll keys reach what is
below, and nothing answers a choice the learner has not had on screen,
checked against the answer log.  On the quiz feedback the paging keys page
and only Enter/Space go on.

    question.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import os
import re
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term import Term, check, run  # noqa: E402

BIN, TMP = sys.argv[1], sys.argv[2]

DOWN, UP = b"\x1b[B", b"\x1b[A"
HOME, END, PGUP, PGDN = b"\x1b[H", b"\x1b[F", b"\x1b[5~", b"\x1b[6~"
SIZES = ((60, 16), (80, 24))
# A question whose situation is long: at 60x16 its last choices are below.
QUIZ = ["quiz", "--type", "header", "--count", "10", "--seed", "3"]
EXAM = ["exam", "--seed", "11", "--count", "4", "--minutes", "5"]


def given(db):
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT given FROM answer ORDER BY id")]
    finally:
        con.close()


def keys(t, *seqs):
    for s in seqs:
        t.send(s)
        t.settle(0.15)


def selected(t, prefix, what):
    """The highlighted row, which must be on screen and start with prefix."""
    end = time.monotonic() + 3
    while time.monotonic() < end:
        rows = t.selected_rows()
        if rows and rows[0].startswith(prefix):
            return rows[0]
        t.pump(0.05)
    check(False, f"{what}: highlighted rows {t.selected_rows()}, want one on screen starting "
          f"{prefix!r}:\n{t.text()}")


# vt100: pyte has no CSI S, which ncurses uses to scroll under xterm.
def start(name, lang, cols, rows, args, term="vt100"):
    db = os.path.join(TMP, f"{name}-{lang}-{cols}x{rows}.db")
    t = Term([BIN, "--db", db, "--lang", lang, *args], term=term, cols=cols, rows=rows)
    return t, db


def test_quiz_down_enter(lang, cols, rows):
    """Down x4 highlights choice 4 on screen and logs nothing; Enter answers
    the choice that is highlighted on screen."""
    t, db = start("down", lang, cols, rows, QUIZ)
    try:
        check(t.wait(r"1/10", 5), "no quiz")
        keys(t, DOWN, DOWN, DOWN, DOWN)
        row = selected(t, "4) d", f"{cols}x{rows} Down x4")
        check(given(db) == [], f"Down x4 logged an answer: {given(db)}")
        keys(t, b"\r")
        code = re.search(r"4\) d\s+(\S+)", row).group(1)
        check(given(db) == [code], f"Enter logged {given(db)}, the highlighted choice is {code}")
    finally:
        t.close()


def test_quiz_enter_offscreen(lang, cols, rows):
    """Scrolled away from the highlighted choice, Enter brings it back and
    answers nothing; a digit before every choice was shown answers nothing."""
    t, db = start("offscreen", lang, cols, rows, QUIZ)
    try:
        check(t.wait(r"1/10", 5), "no quiz")
        keys(t, b"1")
        check(given(db) == [], f"'1' answered before choice 4 was ever on screen: {given(db)}")
        check(re.search(r"4\) d", t.text()), f"'1' did not show every choice:\n{t.text()}")
        selected(t, "1) a", "'1' with choices unseen")
        keys(t, DOWN, DOWN, DOWN, HOME)
        check(not t.selected_rows(), f"Home did not scroll to the top:\n{t.text()}")
        keys(t, b"\r")
        check(given(db) == [], f"Enter answered a choice that was not on screen: {given(db)}")
        selected(t, "4) d", "Enter with the highlight off screen")
        keys(t, b"\r")
        check(len(given(db)) == 1, f"Enter on a choice on screen logged {given(db)}")
    finally:
        t.close()


def test_quiz_scroll_keys(lang, cols, rows):
    """PgDn, End and G reach the last choice of an unanswered question;
    PgUp, Home and g come back to its first line."""
    t, db = start("scroll", lang, cols, rows, QUIZ)
    try:
        check(t.wait(r"1/10", 5), "no quiz")
        first = t.line(2)
        for down, up in ((PGDN, PGUP), (END, HOME), (b"G", b"g")):
            keys(t, down)
            check(re.search(r"4\) d", t.text()), f"{down!r} did not show choice 4:\n{t.text()}")
            keys(t, up)
            check(t.line(2) == first, f"{up!r} did not come back to the top:\n{t.text()}")
        check(given(db) == [], f"scrolling answered: {given(db)}")
    finally:
        t.close()


def test_exam_down(lang, cols, rows):
    """The exam: Down x3 on question 2 highlights choice 3 on screen and saves
    nothing; PgUp then Enter saves nothing; Enter on screen saves it."""
    t, db = start("exam", lang, cols, rows, EXAM)
    try:
        check(t.wait(r"Enter", 5), "no exam start page")
        keys(t, b"\r")
        check(t.wait(r"1/4", 5), "the exam did not start")
        keys(t, b"n")
        check(t.wait(r"2/4", 5), "n did not go to question 2")
        keys(t, DOWN, DOWN, DOWN)
        row = selected(t, "( ) 3) c", f"{cols}x{rows} Down x3")
        check(given(db) == [], f"Down x3 saved an answer: {given(db)}")
        saw_all = "4) d" in t.text()
        keys(t, PGUP)
        if not t.selected_rows() or not saw_all:
            keys(t, b"\r")
            check(given(db) == [], f"Enter saved a choice not on screen, or before choice 4 "
                  f"was: {given(db)}")
            selected(t, "( ) 3) c", "Enter with the highlight off screen")
        keys(t, b"\r")
        want = re.search(r"3\) c\s+(\S+)", row).group(1)
        check(given(db) == [want], f"Enter saved {given(db)}, the highlighted choice is {want}")
    finally:
        t.close()


def test_feedback_paging(lang, cols, rows):
    """After an answer PgDn/PgUp/End/Home/G/g scroll the feedback and stay on
    it (PgDn at the end does nothing); Space goes on."""
    t, db = start("fb", lang, cols, rows, ["quiz", "--type", "pick", "--count", "3",
                                           "--seed", "5"])
    try:
        check(t.wait(r"1/3", 5), "no quiz")
        keys(t, b"a", b"a")           # a second 'a' in case the first only showed the choices
        check(len(given(db)) == 1, f"no answer: {given(db)}")
        after = t.text()
        for k in (PGDN, END, PGUP, HOME, b"G", b"g", PGDN, PGDN, PGDN):
            keys(t, k)
            check(re.search(r"1/3", t.line(0)), f"{k!r} left the feedback:\n{t.text()}")
        keys(t, HOME, END)            # End from the top, not from where PgDn left it
        bottom = t.text()
        check("↓" not in bottom, f"End did not reach the end:\n{bottom}")
        keys(t, PGDN)
        check(t.text() == bottom, f"PgDn at the end changed the screen:\n{t.text()}")
        keys(t, HOME)
        top = t.text()
        if cols == 60:
            check(top != after and bottom != after,
                  f"Home and End show the same as after the answer:\n{top}")
        keys(t, b" ")
        check(t.wait(r"2/3", 3), f"Space did not go to question 2:\n{t.text()}")
    finally:
        t.close()


TESTS = [test_quiz_down_enter, test_quiz_scroll_keys, test_exam_down, test_feedback_paging]


if __name__ == "__main__":
    cases = []
    for lang in ("en", "zh-TW"):
        for cols, rows in SIZES:
            for fn in TESTS:
                cases.append((f"{fn.__name__[5:].replace('_', '-')}-{lang}-{cols}x{rows}",
                              fn, (lang, cols, rows)))
        cases.append((f"quiz-enter-offscreen-{lang}-60x16", test_quiz_enter_offscreen,
                      (lang, 60, 16)))
    run(cases)
