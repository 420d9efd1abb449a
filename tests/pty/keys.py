#!/usr/bin/env python3
"""Keys on a real terminal: raw Home/End/PgUp/PgDn bytes in every common
encoding, whole and split across two writes 30 ms apart, under
TERM=xterm-256color and vt100; unknown sequences; a lone Esc; a double Enter
in the quiz, checked against the answer log.

    keys.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term import Term, check, run  # noqa: E402

BIN, TMP = sys.argv[1], sys.argv[2]

HOME = [b"\x1b[1~", b"\x1b[7~", b"\x1b[H", b"\x1bOH"]
END = [b"\x1b[4~", b"\x1b[8~", b"\x1b[F", b"\x1bOF"]
PGUP = [b"\x1b[5~", b"\x1b[5;2~"]
PGDN = [b"\x1b[6~", b"\x1b[6;5~"]
# Bound to nothing here: F5, Insert, an empty paste, a device-attributes
# reply, focus-in, SS3 F4, Alt-x, an over-long sequence.
UNBOUND = [b"\x1b[15~", b"\x1b[2~", b"\x1b[200~\x1b[201~", b"\x1b[?1;2c", b"\x1b[I",
           b"\x1bOS", b"\x1bx", b"\x1b[" + b"1;" * 40 + b"A"]


def variants(seqs):
    """Each sequence whole, cut after ESC, and cut after ESC[ / ESC O."""
    for s in seqs:
        yield s, None
        yield s, 1
        yield s, 2


# The split sequences pause 30 ms after ESC.  On a loaded test machine that
# pause can stretch past the default 100 ms ESCDELAY, and then ESC alone *is*
# a lone Esc; 300 ms keeps the 30 ms split a split.  The lone-Esc test runs
# with the default delay.
SPLIT_SAFE = {"ESCDELAY": "300"}


def start(term, *args, db="keys.db", cols=80, rows=24, env=SPLIT_SAFE):
    t = Term([BIN, "--db", os.path.join(TMP, f"{term}-{db}"), "--lang", "en", *args],
             term=term, cols=cols, rows=rows, env=env)
    return t


def send_expect(t, seq, split, pattern, what):
    t.send(seq, split)
    m = t.wait(pattern, 3)
    check(t.alive(), f"{what}: {seq!r} (split {split}) ended the program")
    check(m, f"{what}: after {seq!r} (split {split}) the screen does not match {pattern!r}:\n{t.text()}")


def sel_is(t, prefix, what):
    end = time.monotonic() + 3
    while time.monotonic() < end:
        rows = t.selected_rows()
        if rows and rows[0].startswith(prefix):
            return
        t.pump(0.05)
    check(False, f"{what}: selected {t.selected_rows()}, want a row starting {prefix!r}:\n{t.text()}")


def test_home_screen(term):
    t = start(term)
    try:
        check(t.wait("Quit", 5), "no home screen")
        for (e, se), (h, sh) in zip(variants(END), variants(HOME)):
            t.send(e, se)
            sel_is(t, "q  Quit", f"End {e!r} split {se}")
            check(t.alive(), f"End {e!r} ended the program")
            t.send(h, sh)
            sel_is(t, "r  Read", f"Home {h!r} split {sh}")
            check(t.alive(), f"Home {h!r} ended the program")
    finally:
        t.close()


def test_codes_table(term):
    t = start(term)
    try:
        t.wait("Quit", 5)
        t.send("ca")   # every code: more than a page
        m = t.wait(r"Status codes \((\d+)\) \[all", 5)
        check(m, "codes table did not open")
        n = int(m.group(1))
        for (e, se), (h, sh) in zip(variants(END), variants(HOME)):
            send_expect(t, e, se, rf" {n}/{n} *$", "End in the codes table")
            send_expect(t, h, sh, rf" 1/{n} *$", "Home in the codes table")
        for (d, sd), (u, su) in zip(variants(PGDN), variants(PGUP)):
            send_expect(t, d, sd, rf" 21/{n} *$", "PgDn in the codes table")
            send_expect(t, u, su, rf" 1/{n} *$", "PgUp in the codes table")
        check("Status codes" in t.line(0), "left the codes table")
    finally:
        t.close()


def test_reader(term):
    t = start(term)
    try:
        t.wait("Quit", 5)
        t.send("r")
        t.wait("Chapters", 5)
        t.send("\r")
        m = t.wait(r"^ 1-22/(\d+) ", 5)
        check(m, f"the reader did not open:\n{t.text()}")
        n = int(m.group(1))
        title = t.line(0)
        for (d, sd), (h, sh) in zip(variants(PGDN), variants(HOME)):
            send_expect(t, d, sd, rf"^ 22-43/{n} ", "PgDn in the reader")
            send_expect(t, h, sh, rf"^ 1-22/{n} ", "Home in the reader")
        for e, se in variants(END):
            send_expect(t, e, se, rf"^ {n - 21}-{n}/{n} ", "End in the reader")
            t.send("g")
            t.wait(rf"^ 1-22/{n} ", 3)
        check(t.line(0) == title, f"End/PgDn opened another chapter: {t.line(0)!r}")
    finally:
        t.close()


def test_quiz_keeps_going(term):
    t = start(term, "quiz", "--type", "pick", "--seed", "3", "--count", "3", db="quizkeys.db")
    try:
        check(t.wait(r"Quiz  1/3", 5), "no quiz")
        for seq in HOME + END + PGUP + PGDN + UNBOUND:
            t.send(seq)
        t.send(HOME[0], 2)
        t.send(END[0], 1)
        t.settle()
        check(t.alive(), "a Home/End/PgUp/PgDn ended the program")
        check(t.wait(r"Quiz  1/3", 0.1) and "Stop?" not in t.text() and "Score" not in t.text(),
              f"navigation keys ended or left the quiz:\n{t.text()}")
        check(not t.wait(r"Correct!|Wrong\.", 0.1), "a navigation key answered the question")
        t.send("1")
        check(t.wait(r"Correct!|Wrong\.", 3), "the quiz no longer takes answers")
    finally:
        t.close()


def test_unbound_dropped(term):
    t = start(term)
    try:
        t.wait("Quit", 5)
        t.send("ca")
        m = t.wait(r"Status codes \((\d+)\) \[all", 5)
        n = int(m.group(1))
        t.send("gj")
        check(t.wait(rf" 2/{n} *$", 3), "g j did not select the second row")
        for seq in UNBOUND:
            t.send(seq)
            t.send(seq, 2)
        t.settle()
        check(t.alive(), "an unbound sequence ended the program")
        check("Status codes" in t.line(0) and t.wait(rf" 2/{n} *$", 0.1),
              f"an unbound sequence acted (back, move or open):\n{t.text()}")
        t.send("j")
        check(t.wait(rf" 3/{n} *$", 3), "keys after the unbound sequences were lost")
    finally:
        t.close()


def test_lone_esc(term):
    t = start(term, env={})
    try:
        t.wait("Quit", 5)
        t.send("c")
        t.wait(r"Status codes \(", 5)
        t0 = time.monotonic()
        t.send(b"\x1b")
        check(t.wait(r"Home", 3) and "Status codes" not in t.line(0), "a lone Esc did not go back")
        took = time.monotonic() - t0
        check(took < 0.6, f"a lone Esc took {took:.2f} s to go back")
        # Esc Esc: back twice (from the card, to the table, to home).
        t.send("c")
        t.wait(r"Status codes \(", 5)
        t.send("\r")
        t.wait(r"Status codes › ", 5)
        t.send(b"\x1b\x1b")
        check(t.wait(r"Home", 3), f"Esc Esc did not go back twice:\n{t.text()}")
        check(t.alive(), "Esc Esc ended the program")
        print(f"# {term}: lone Esc went back in {took * 1000:.0f} ms")
    finally:
        t.close()


def answers(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT shown, given, ms FROM answer ORDER BY id").fetchall()
    finally:
        con.close()


def test_double_enter(term):
    db = os.path.join(TMP, f"{term}-double.db")
    t = Term([BIN, "--db", db, "--lang", "en", "quiz", "--type", "pick", "--seed", "3",
              "--count", "3"], term=term)
    try:
        check(t.wait(r"Quiz  1/3", 5), "no quiz")
        t.send("c")
        check(t.wait(r"Correct!|Wrong\.", 3), "c did not answer")
        t.send("\r")
        time.sleep(0.15)
        t.send("\r")
        check(t.wait(r"Quiz  2/3", 3), "Enter did not go to question 2")
        t.settle()
        check(not t.wait(r"Correct!|Wrong\.", 0.1),
              f"the second Enter answered question 2:\n{t.text()}")
        # Typed ahead in one burst: the Enter after the answer's Enter came
        # before question 3 showed, and so did the digit.
        t.send("2\r\r3")
        check(t.wait(r"Quiz  3/3", 3), "no question 3")
        t.settle()
        check(not t.wait(r"Correct!|Wrong\.", 0.1),
              f"keys typed before question 3 showed answered it:\n{t.text()}")
        # Enter with nothing highlighted does nothing; Down then Enter answers.
        t.send("\r")
        t.settle()
        check(not t.wait(r"Correct!|Wrong\.", 0.1), "Enter with no choice answered")
        t.send(b"\x1b[B")
        t.settle()
        t.send("\r")
        check(t.wait(r"Correct!|Wrong\.", 3), "Down, Enter did not answer")
        rows = answers(db)
        check(len(rows) == 3, f"{len(rows)} answers logged, want 3: {rows}")
        want = [2, 1, 0]   # c, 2, the first choice (Down from nothing)
        for i, (shown, given, ms) in enumerate(rows):
            check(given == shown.split(",")[want[i]],
                  f"answer {i + 1}: logged {given} of {shown}, the learner chose #{want[i] + 1}")
        print(f"# {term}: answer times {[r[2] for r in rows]} ms")
    finally:
        t.close()


def test_crlf_enter(term):
    """Return as CR LF (a terminal in new-line mode, a telnet client) is one
    Enter: the answer's feedback stays up, as does the summary."""
    db = os.path.join(TMP, f"{term}-crlf.db")
    t = Term([BIN, "--db", db, "--lang", "en", "quiz", "--type", "type", "--seed", "5",
              "--count", "2"], term=term)
    try:
        check(t.wait(r"Quiz  1/2", 5), "no quiz")
        t.send("502\r\n")
        check(t.wait(r"Correct!|Wrong\.", 3), "502 CR LF did not answer")
        t.settle()
        check("Quiz  1/2" in t.text(), f"CR LF went past question 1's feedback:\n{t.text()}")
        t.send("\r\n")
        check(t.wait(r"Quiz  2/2", 3), f"CR LF did not go on to question 2:\n{t.text()}")
        t.send("201\r\n")
        check(t.wait(r"Correct!|Wrong\.", 3), "201 CR LF did not answer")
        t.send("\r\n")
        check(t.wait(r"Score", 3), f"no summary after the last CR LF:\n{t.text()}")
        t.settle()
        check("Score" in t.text(), f"CR LF went past the summary:\n{t.text()}")
        check(len(answers(db)) == 2, f"answers logged: {answers(db)}")
    finally:
        t.close()


def test_paste(term):
    """A bracketed paste goes into the search box as one line (its line
    break does not submit it); on the table its letters are not keys."""
    t = start(term, "browse", db="paste.db")
    try:
        check(t.wait(r"Status codes \(20\) \[core\]", 5), "no codes table")
        check(b"\x1b[?2004h" in t.raw, "bracketed paste was not turned on")
        t.send(b"/")
        check(t.wait(r"Search: ", 3), "no search box")
        t.send(b"\x1b[200~Too Many\r\nRequests\x1b[31m\x07\x1b[201~")
        check(t.wait(r"Search: Too Many Requests_?$", 3), f"the paste is not in the box:\n{t.text()}")
        t.send(b"\r")
        check(t.wait(r"429", 3), f"the pasted search found nothing:\n{t.text()}")
        t.send(b"q")
        check(t.wait(r"Status codes \(20\) \[core\]", 3), f"q did not leave the search:\n{t.text()}")
        # On the table: a paste holding q and 5 neither quits nor filters.
        t.send(b"\x1b[200~q5 Too\x1b[201~")
        check(t.wait(r"Pasted text goes only into a search box", 3), f"no word about the paste:\n{t.text()}")
        check(t.alive(), "a paste holding q ended the program")
        check("Status codes (20) [core]" in t.text(), f"a paste holding 5 filtered the table:\n{t.text()}")
        t.send(b"q")
        check(t.wait(r"q: quit", 3), f"q after the paste did not go home:\n{t.text()}")
        t.send(b"q")
        check(t.wait_exit(3) == 0, f"q on home did not quit:\n{t.text()}")
        check(b"\x1b[?2004l" in t.raw, "bracketed paste was not turned off at the end")
    finally:
        t.close()


def test_fullwidth(term):
    """A Chinese input method in full-width mode types ５０２ and ｂ: they
    answer as 502 and b."""
    db = os.path.join(TMP, f"{term}-fullwidth.db")
    t = Term([BIN, "--db", db, "--lang", "zh-TW", "quiz", "--type", "type", "--seed", "5",
              "--count", "1"], term=term)
    try:
        check(t.wait(r"測驗  1/1", 5), "no quiz")
        t.send("５０２")
        check(t.wait(r"> 502", 3), f"full-width digits did not reach the box:\n{t.text()}")
        t.send("\r")
        check(t.wait(r"答對|答錯", 3), "Enter did not answer")
        rows = answers(db)
        check(len(rows) == 1 and rows[0][1] == "502", f"the log holds {rows}")
    finally:
        t.close()


TESTS = [test_home_screen, test_codes_table, test_reader, test_quiz_keeps_going,
         test_unbound_dropped, test_lone_esc, test_double_enter, test_crlf_enter, test_paste,
         test_fullwidth]


def main():
    only = os.environ.get("KEYS_ONLY", "")
    run([(f"{t.__name__[5:].replace('_', '-')}-{term}", t, (term,))
         for term in ("xterm-256color", "vt100") for t in TESTS
         if only in f"{t.__name__}-{term}"])


if __name__ == "__main__":
    main()
