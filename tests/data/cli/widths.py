#!/usr/bin/env python3
"""COLUMNS sweep: every line command's widest line, by display width.

    widths.py BIN DB      prints one line per (command, width) that is too wide

Each command runs with COLUMNS=40, 60, 80 and 120 (and 80 when COLUMNS is
unset), in en and zh-TW; its standard output (and, for the messages that go
there, standard error) must fit.  A CJK character counts two columns, as a
terminal shows it.  Beyond the width: a wrapped line never splits an option's
brackets in --help ("[--seed" / "S]"), and a search result's continuation lines hang
under it instead of starting at column 0.
"""
import os
import re
import subprocess
import sys
import tempfile
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
# (arguments, standard input[, what to check]): "err" checks standard error
# too, "empty" runs on a database with no answers and no exams, "dumb" runs
# without a command under TERM=dumb.
COMMANDS = [
    (["--help"], ""),
    (["exams"], "", "empty"),
    ([], "", "dumb"),
    (["search", "431"], ""),
    (["search", "header"], ""),
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


def shape_problem(args, lines):
    """A wrapped line that cuts an option in two, or a search result whose
    text comes back to column 0; None when fine."""
    for i, line in enumerate(lines):
        if args == ["--help"] and line.count("[") > line.count("]"):
            return f"line {i + 1} opens a bracket it does not close: {line!r}"
    if args and args[0] == "search":
        for i, line in enumerate(lines):
            if line and not line[0].isspace() and not re.match(r"(\d{3} |\[)", line):
                return f"line {i + 1} continues a result at column 0: {line!r}"
    return None


def main():
    env = dict(os.environ, HTTPTUTOR_DB=DB, TERM="dumb")
    empty = os.path.join(tempfile.mkdtemp(), "empty.db")
    subprocess.run([BIN, "--db", empty, "quiz", "--plain", "--count", "1"], input=b"",
                   capture_output=True, env=env, timeout=30)
    bad = 0
    runs = 0
    for lang in ("en", "zh-TW"):
        for args, stdin, *how in COMMANDS:
            how = how[0] if how else ""
            for cols in ("40", "60", "80", "120", None):
                e = dict(env)
                if cols:
                    e["COLUMNS"] = cols
                else:
                    e.pop("COLUMNS", None)
                limit = int(cols or 80)
                if how == "empty":
                    e["HTTPTUTOR_DB"] = empty
                p = subprocess.run([BIN, "--lang", lang, *args], input=stdin.encode(),
                                   capture_output=True, env=e, timeout=30)
                runs += 1
                out = p.stdout.decode("utf-8", "replace")
                if how == "dumb":   # no terminal: exit 1, and a message that fits
                    out += p.stderr.decode("utf-8", "replace")
                    p.returncode = 0 if p.returncode == 1 else p.returncode
                if p.returncode != 0:
                    print(f"{' '.join(args)} --lang {lang} COLUMNS={cols}: exit {p.returncode}: "
                          f"{p.stderr.decode()[:200]}")
                    bad += 1
                    continue
                lines = out.splitlines() or [""]
                why = shape_problem(args, lines)
                if why:
                    print(f"{' '.join(args)} --lang {lang} COLUMNS={cols or 'unset'}: {why}")
                    bad += 1
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
