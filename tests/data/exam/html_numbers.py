"""html_numbers.py PAGE JSON: the numbers on the report page equal the JSON.

Reads the page's tables (tr.student, tr.question cells by class), the
summary spans (#n-…, #mean) and the SVG charts' data attributes, and
compares each with `report --json` for the same exam.  Works on the file
itself or on the DOM a browser dumped (chromium --dump-dom)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from htmlpage import read  # noqa: E402

p = read(sys.argv[1], ("student", "question"))
j = json.load(open(sys.argv[2], encoding="utf-8"))
students, questions = p.rows["student"], p.rows["question"]


def dash(v):
    return "–" if v is None else str(v)


assert len(students) == len(j["students"]), (len(students), len(j["students"]))
for row, s in zip(students, j["students"]):
    assert row["name"] == s["name"], (row, s)
    assert row["score"].strip() == dash(s["score"]), (row, s)
    assert row["percent"].strip() == dash(s["percent"]), (row, s)
    assert row["attempts"].strip() == str(s["attempts"]), (row, s)
    if s["status"] == "in progress":   # no score yet: how many are answered
        assert row["status"].endswith(" · %d/%d" % (s["answered"], s["total"])), (row, s)
assert len(questions) == len(j["questions"])
for row, q in zip(questions, j["questions"]):
    assert row["number"] == str(q["question"]) and row["share"] == str(q["share"]), (row, q)
    assert row["right"] == str(q["right"]) and row["sat"] == str(q["sat"]), (row, q)
    if q["top_wrong"]:
        assert row["top-wrong"] == q["top_wrong"], (row, q)
        assert row["top-wrong-count"] == str(q["top_wrong_count"]), (row, q)
m = j["summary"]
for k in ("students", "finished", "timed_out", "closed", "in_progress", "not_started"):
    assert p.ids["n-" + k] == str(m[k]), (k, p.ids)
bins = p.bars("bin", "score", "students")
assert bins == [(h["score"], h["students"]) for h in j["histogram"]], bins
qbars = p.bars("qbar", "question", "share")
assert qbars == [(q["question"], q["share"]) for q in j["questions"]], qbars
if m["mean_score"] is not None:
    assert "%.1f" % m["mean_score"] in p.ids["mean"], p.ids
