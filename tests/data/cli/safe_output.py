#!/usr/bin/env python3
"""safe_output.py FORMAT FILE — check that httptutor's output is safe to show.

FORMAT is text, csv or json.  Every format: valid UTF-8, no C0 control but
LF (CR only before LF, for CSV rows), no DEL, no C1 control, no bidi control,
no invisible character.  csv: every cell that starts like a formula
(= + - @, TAB, CR) starts with ' instead, unless it is a plain number.
json: parses, and no string holds a line break.  Prints what is wrong and exits 1; silent when all is well."""
import csv
import io
import json
import re
import sys

UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f"
    "\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f\U000e0100-\U000e01ef]")
FORMULA = re.compile(r"^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit(f"{path}: invalid UTF-8 at byte {e.start}")
    body = text.replace("\r\n", "\n") if fmt == "csv" else text
    m = UNSAFE.search(body)
    if m:
        at = body[max(0, m.start() - 20):m.start() + 5]
        sys.exit(f"{path}: unsafe U+{ord(m.group()):04X} near {at!r}")
    if fmt == "json":
        try:
            doc = json.loads(text)
        except ValueError as e:
            sys.exit(f"{path}: not JSON: {e}")
        # Database text is on one line in JSON too ("ann\nlee" would read
        # as "ann lee" wherever it is shown).
        todo = [doc]
        while todo:
            v = todo.pop()
            if isinstance(v, dict):
                todo += list(v.keys()) + list(v.values())
            elif isinstance(v, list):
                todo += v
            elif isinstance(v, str) and ("\n" in v or "\r" in v):
                sys.exit(f"{path}: a line break in the string {v!r}")
    if fmt == "csv":
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                if FORMULA.match(cell) and not NUMBER.match(cell):
                    sys.exit(f"{path}: cell {cell!r} would run as a formula")


main()
