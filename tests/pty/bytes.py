#!/usr/bin/env python3
"""Bytes written to the terminal per line scrolled (issue 10, "bytes on the
wire"): j in the reader from the top of the first English chapter, and j in
the table of every code once the selection sits on the bottom row, so each
press scrolls the table by a line -- the two figures `make bench` prints
beside less.  Each must stay within a fixed budget at 80x24,
TERM=xterm-256color, in colour and with NO_COLOR.  The budgets are today's
figures plus about an eighth: a change that makes curses redraw more than the
line that came in (a footer repainted whole, attributes re-sent on every
span, a scroll turned into a repaint) goes over them.

    bytes.py BIN TMPDIR      prints "ok NAME" or "FAIL NAME: why" per test
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from term import Term, check, run  # noqa: E402

BIN, TMP = sys.argv[1], sys.argv[2]
CONTENT = os.path.join(os.path.dirname(os.path.abspath(BIN)), "content")
CHAPTER = os.path.basename(sorted(glob.glob(CONTENT + "/en/chapters/*.md"))[0])[3:-3]

# Bytes per j.  Measured here (colour / NO_COLOR, UTF-8): reader 148 / 122, codes
# table 262 / 249 (bench, over other lines: 139 and 266 beside less's 56 and
# 79; /work/notes/bytes.md).  A whole repaint is ~2,000.
BUDGET = {("reader", True): 165, ("reader", False): 138,
          ("codes", True): 295, ("codes", False): 280}


def per_key(argv, color, ready, before, skip, presses):
    """Mean bytes written per j after `before` keys and `skip` uncounted j."""
    t = Term(argv, color=color)
    try:
        check(t.wait(ready, 10), f"no {ready!r} on screen:\n{t.text()}")
        t.settle(0.2)
        for k, shown in before:
            t.send(k)
            check(t.wait(shown, 10), f"no {shown!r} after {k!r}:\n{t.text()}")
            t.settle(0.15)
        if skip:   # not counted: one write, however curses batches it
            t.send("j" * skip)
            t.settle(0.2)
        start, first, frames = len(t.raw), t.text(), []
        for _ in range(presses):
            at = len(t.raw)
            t.send("j")
            t.settle(0.15)
            frames.append(t.raw[at:])
        t.settle(0.3)
        return (len(t.raw) - start) / presses, first, t.text(), frames
    finally:
        t.close()


def budget(what, color, argv, ready, before, skip, presses, position):
    """position: a regex whose first group is the number that each j adds one to."""
    got, first, screen, frames = per_key(argv, color, ready, before, skip, presses)
    a, b = re.search(position, first, re.M), re.search(position, screen, re.M)
    check(a and b and int(b.group(1)) == int(a.group(1)) + presses,
          f"{what}: {presses} j did not move {presses} lines:\n{first}\n---\n{screen}")
    limit = BUDGET[(what, color)]
    check(got <= limit, f"{what} ({'colour' if color else 'NO_COLOR'}): {got:.1f} bytes "
          f"per j, budget {limit}")
    print(f"# {what} {'colour' if color else 'NO_COLOR'}: {got:.1f} B per j (budget {limit})")
    return frames


def blanks_not_resent(frames):
    """After scrolling, the line that came in is written from its first
    character: curses knows its blank cells are blank already.  (With the
    plain colour pair as stdscr's background at refresh time, it sent the
    indent, the table padding and a clear to the end again: 10 B a line.)"""
    for f in frames:
        m = re.search(rb"\x1b\[1;\d+r(\x1b\[\d+;\d+H)( *)", f)
        check(m and not m.group(2),
              f"the scrolled-in line starts with blanks curses sent again: {f[:120]!r}")


def reader(color):
    argv = [BIN, "--db", os.path.join(TMP, "r.db"), "--lang", "en", "read", CHAPTER]
    # 30 lines from the top: the position shows line 31 first.
    blanks_not_resent(budget("reader", color, argv, r"\d+-\d+/\d+", (), 0, 30,
                             r" (\d+)-\d+/\d+ "))


def codes(color):
    argv = [BIN, "--db", os.path.join(TMP, "c.db"), "--lang", "en", "browse"]
    # 'a' lists every code; 25 j reach the bottom row, 20 more scroll.
    budget("codes", color, argv, r"Status codes", (("a", r"\[all\]"),), 25, 20, r" (\d+)/74$")


if __name__ == "__main__":
    run([("reader-bytes-per-line", reader, (True,)),
         ("reader-bytes-per-line-nocolor", reader, (False,)),
         ("codes-bytes-per-line", codes, (True,)),
         ("codes-bytes-per-line-nocolor", codes, (False,))])
