#!/usr/bin/env python3
"""fits.py OUT COLS [PREFIX]: every line of OUT fits COLS display columns.

With PREFIX, two report rows starting with it must still look different
(long names are cut in the middle, so their ends survive), and some cell
must have been clipped with "…".  Prints why and exits 1 when not."""
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
