#!/usr/bin/env python3
"""COLUMNS sweep: every line command's widest line, by display width.

    widths.py BIN DB      prints one line per (command, width) that is too wide

Each command runs with COLUMNS=40, 60, 80 and 120 (and 80 when COLUMNS is
unset), in en and zh-TW; its standard output must fit.  A CJK character
counts two columns, as a terminal shows it.
"""
import os
import subprocess
import sys
import unicodedata

BIN, DB = sys.argv[1], sys.argv[2]


def width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


# A plain quiz answered "1" to everything, an exam, a review: they print
# questions, choices, feedback and the score.
ANSWERS = "1\n" * 12
COMMANDS = [
    (["--help"], ""),
    (["code", "403"], ""),
    (["code", "511"], ""),
    (["codes"], ""),
    (["codes", "--all"], ""),
    (["search", "token"], ""),
    (["search", "重新導向"], ""),
    (["read"], ""),
    (["read", "1"], ""),
    (["read", "2"], ""),
    (["browse", "418"], ""),
    (["quiz", "--plain", "--seed", "3", "--count", "4"], ANSWERS),
    (["exam", "--plain", "--seed", "5", "--count", "3"], ANSWERS),
    (["review", "--plain"], ANSWERS),
    (["stats"], ""),
    (["report"], ""),
    (["report", "--exam", "seed-5-n3"], ""),
]


def main():
    env = dict(os.environ, HTTPTUTOR_DB=DB, TERM="dumb")
    bad = 0
    runs = 0
    for lang in ("en", "zh-TW"):
        for args, stdin in COMMANDS:
            for cols in ("40", "60", "80", "120", None):
                e = dict(env)
                if cols:
                    e["COLUMNS"] = cols
                else:
                    e.pop("COLUMNS", None)
                limit = int(cols or 80)
                p = subprocess.run([BIN, "--lang", lang, *args], input=stdin.encode(),
                                   capture_output=True, env=e, timeout=30)
                runs += 1
                out = p.stdout.decode("utf-8", "replace")
                if p.returncode != 0:
                    print(f"{' '.join(args)} --lang {lang} COLUMNS={cols}: exit {p.returncode}: "
                          f"{p.stderr.decode()[:200]}")
                    bad += 1
                    continue
                lines = out.splitlines() or [""]
                widest = max(lines, key=width)
                if width(widest) > limit:
                    n = sum(1 for x in lines if width(x) > limit)
                    print(f"{' '.join(args)} --lang {lang} COLUMNS={cols or 'unset'}: "
                          f"{n} line(s) wider than {limit}, widest {width(widest)}: {widest!r}")
                    bad += 1
    print(f"# {runs} runs, {bad} too wide")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
