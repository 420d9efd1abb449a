#!/usr/bin/env python3
"""The screen on a real terminal.  Resizing keeps the selection on screen:
the codes table with 411 selected, a card with a link selected, at 60x16 and
200x60; the highlight is found by its reverse video (NO_COLOR).  With
TERM=dumb on a terminal, `read` prints text.

    screen.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term import Term, check, run  # noqa: E402

BIN, TMP = sys.argv[1], sys.argv[2]


def selected(t, prefix, timeout=3.0):
    """Wait until a selected (reverse video) body row starts with prefix."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        rows = t.selected_rows()
        if any(r.startswith(prefix) for r in rows):
            return True
        t.pump(0.05)
    return False


def resize_and_check(t, cols, rows, prefix, what):
    t.resize(cols, rows)
    t.settle()
    check(selected(t, prefix), f"{what} at {cols}x{rows}: the highlight {prefix!r} is not on "
          f"screen (selected rows: {t.selected_rows()}):\n{t.text()}")


def test_resize_codes_table():
    t = Term([BIN, "--db", os.path.join(TMP, "codes.db"), "--lang", "en"])
    try:
        t.wait("Quit", 5)
        t.send("ca")
        check(t.wait(r"\[all\]", 5), "no table of every code")
        t.send("g")
        for _ in range(80):
            if selected(t, "411", 0.2):
                break
            t.send("j")
        check(selected(t, "411"), "could not select 411")
        for cols, rows in ((60, 16), (80, 24), (200, 60), (60, 16)):
            resize_and_check(t, cols, rows, "411", "codes table")
        # A taller window fills its rows: no blank rows under the last code.
        t.resize(80, 24)
        t.send("G")
        t.wait(r" 74/74", 3)
        t.resize(60, 16)
        t.settle()
        t.resize(200, 60)
        t.settle()
        check(t.line(t.rows - 3).startswith(" 527") and t.line(2).strip(),
              f"at 200x60 the table leaves blank rows:\n{t.text()}")
    finally:
        t.close()


def test_resize_card():
    t = Term([BIN, "--db", os.path.join(TMP, "card.db"), "--lang", "en", "browse", "403"])
    try:
        check(t.wait("403 Forbidden", 5), "no card")
        t.send("\t\t\t\t")   # the fourth link: a related code near the end
        check(selected(t, "→ 402"), f"Tab x4 did not select 402:\n{t.text()}")
        resize_and_check(t, 60, 16, "→ 402", "card")
        resize_and_check(t, 200, 60, "→ 402", "card")
        # The whole card fits at 200x60: it starts at its title, no blank rows.
        check(t.line(1).strip().startswith("403 Forbidden"),
              f"at 200x60 the card's title scrolled away:\n{t.text()}")
        resize_and_check(t, 60, 16, "→ 402", "card")
        # Back from a followed link: the same scroll and the same link.
        before = t.text()
        t.send("\r")
        check(t.wait(r"Status codes › 402", 3), "Enter did not follow the link")
        t.send("q")
        check(t.wait(r"Status codes › 403", 3), "q did not come back to 403")
        t.settle()
        check(t.text() == before, f"back from 402 the card is not where it was:\n{t.text()}")
    finally:
        t.close()


def test_dumb_read():
    """A screen reader's console: TERM=dumb on a terminal prints the chapter."""
    t = Term([BIN, "--db", os.path.join(TMP, "dumb.db"), "--lang", "en", "read", "2"],
             term="dumb")
    try:
        rc = t.wait_exit(5)
        check(rc == 0, f"exit {rc}: {t.raw[-300:]!r}")
        check(b"\x1b" not in t.raw, "escape sequences written to a dumb terminal")
        text = t.raw.decode("utf-8", "replace")
        check("Status Codes REST Designers Forget" in text and "Class: 4xx; " in text,
              f"no chapter text with plain tables: {text[:300]!r}")
        check("│" not in text, "box drawing under TERM=dumb")
    finally:
        t.close()


TESTS = [test_resize_codes_table, test_resize_card, test_dumb_read]


if __name__ == "__main__":
    run([(t.__name__[5:].replace("_", "-"), t, ()) for t in TESTS])
