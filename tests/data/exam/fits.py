#!/usr/bin/env python3
"""fits.py OUT COLS [PREFIX]: every line of OUT fits COLS display columns.

With PREFIX, two report rows starting with it must still look different
(long names are cut in the middle, so their ends survive), and some cell
must have been clipped with "…", and the students' table (from its heading
"Student" or "學生" to the next blank line) must keep its second column in
line, counted in display columns, and be no wider than its widest cell
(at most two spaces after the longest name).  Prints why and exits 1 when not."""
import sys
import unicodedata


def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


out, cols = sys.argv[1], int(sys.argv[2])
prefix = sys.argv[3] if len(sys.argv) > 3 else ""
lines = open(out, encoding="utf-8").read().split("\n")
wide = [l for l in lines if width(l) > cols]
if wide:
    sys.exit("%d line(s) wider than %d, e.g. %r (%d)" % (len(wide), cols, wide[0], width(wide[0])))
if prefix:
    if not any("…" in l for l in lines):
        sys.exit("no long cell was clipped with …")
    rows = [l for l in lines if l.startswith(prefix)]
    if len(rows) < 2 or rows[0].split()[0] == rows[1].split()[0]:
        sys.exit("two names that differ at the end look the same: %r" % rows[:2])

if prefix:
    head = [i for i, l in enumerate(lines) if l.split()[:1] in (["Student"], ["學生"])]
    if not head:
        sys.exit("no students' table heading in the output")
    block = []
    for l in lines[head[0]:]:
        if not l.strip():
            break
        block.append(l)
    # Where each of the first three cells of a line starts and ends, in
    # display columns (names and statuses have no spaces in them).
    def cells(l):
        out, pos = [], 0
        for tok in l.split()[:3]:
            i = l.index(tok, pos)
            out.append((width(l[:i]), width(l[:i + len(tok)])))
            pos = i + len(tok)
        return out
    rows = [cells(l) for l in block]
    if len(block) < 3 or len({r[1][0] for r in rows}) != 1:
        sys.exit("the second column does not line up: %r" % block[:4])
    for k in (1, 2):
        # The widest cell of either alignment starts the column; the
        # widest cell of the one before it ends two columns earlier.
        if min(r[k][0] for r in rows) - max(r[k - 1][1] for r in rows) > 2:
            sys.exit("column %d is wider than its widest cell: %r" % (k, block[:4]))
