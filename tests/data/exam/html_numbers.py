"""html_numbers.py PAGE JSON: the numbers on the report page equal the JSON.

Reads the page's tables (tr.student, tr.question cells by class), the
summary spans (#n-…, #mean) and the SVG charts' data attributes, and
compares each with `report --json` for the same exam.  Works on the file
itself or on the DOM a browser dumped (chromium --dump-dom)."""
import json
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.row = [], None
        self.students, self.questions, self.ids, self.bins, self.bars = [], [], {}, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "tr" and cls in ("student", "question"):
            self.row = {}
            (self.students if cls == "student" else self.questions).append(self.row)
        if tag == "g" and cls == "bin":
            self.bins.append((int(a["data-score"]), int(a["data-students"])))
        if tag == "g" and cls == "qbar":
            self.bars.append((int(a["data-question"]), int(a["data-share"])))
        self.stack.append((tag, cls.split()[-1] if cls else a.get("id", "")))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if tag == "tr":
            self.row = None

    def handle_data(self, d):
        if not self.stack:
            return
        key = self.stack[-1][1]
        if key.startswith("n-") or key == "mean":
            self.ids[key] = self.ids.get(key, "") + d
        if self.row is not None and key:
            self.row[key] = self.row.get(key, "") + d


p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
j = json.load(open(sys.argv[2], encoding="utf-8"))


def dash(v):
    return "–" if v is None else str(v)


assert len(p.students) == len(j["students"]), (len(p.students), len(j["students"]))
for row, s in zip(p.students, j["students"]):
    assert row["name"] == s["name"], (row, s)
    assert row["score"].strip() == dash(s["score"]), (row, s)
    assert row["percent"].strip() == dash(s["percent"]), (row, s)
    assert row["attempts"].strip() == str(s["attempts"]), (row, s)
assert len(p.questions) == len(j["questions"])
for row, q in zip(p.questions, j["questions"]):
    assert row["number"] == str(q["question"]) and row["share"] == str(q["share"]), (row, q)
    assert row["right"] == str(q["right"]) and row["sat"] == str(q["sat"]), (row, q)
    if q["top_wrong"]:
        assert row["top-wrong"] == q["top_wrong"], (row, q)
        assert row["top-wrong-count"] == str(q["top_wrong_count"]), (row, q)
m = j["summary"]
for k in ("students", "finished", "timed_out", "closed", "in_progress", "not_started"):
    assert p.ids["n-" + k] == str(m[k]), (k, p.ids)
assert p.bins == [(h["score"], h["students"]) for h in j["histogram"]], p.bins
assert p.bars == [(q["question"], q["share"]) for q in j["questions"]], p.bars
if m["mean_score"] is not None:
    assert "%.1f" % m["mean_score"] in p.ids["mean"], p.ids
