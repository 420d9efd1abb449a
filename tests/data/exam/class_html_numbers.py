"""class_html_numbers.py PAGE JSON: the whole-class report page (`report
--html` without --exam) says what `report --json` says.

Reads the page's key figures (#n-…), its tables (tr.student, tr.question,
tr.confusion: cells by class) and the confusion chart's bars (g.mixbar
data- attributes), and compares each with the JSON of the same databases:
every student and question in the same order with the same numbers, every
confusion with its students and times, the chart's bars the top ten.
Names are compared as text, so a name that broke out of its cell (an
unescaped < or ") shows up as a difference or a stray element.  Works on
the file itself or on the DOM a browser dumped (chromium --dump-dom)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from htmlpage import read  # noqa: E402


def main():
    p = read(sys.argv[1], ("student", "question", "confusion"))
    j = json.load(open(sys.argv[2], encoding="utf-8"))
    bad = [t for t in p.tags if t in ("script", "img", "iframe", "object", "link", "a")]
    assert not bad, "elements that should not be there: %s" % bad

    for k, v in (("students", len(j["students"])), ("answers", j["answers"]),
                 ("correct", j["correct"]), ("databases", j["databases"])):
        assert p.ids.get("n-" + k) == str(v), (k, p.ids.get("n-" + k), v)
    share = round(100 * j["correct"] / j["answers"]) if j["answers"] else 0
    assert abs(int(p.ids["n-accuracy"]) - share) <= 1, (p.ids["n-accuracy"], share)

    st = p.rows["student"]
    assert len(st) == len(j["students"]), (len(st), len(j["students"]))
    for row, s in zip(st, j["students"]):
        got = (row["name"], row["answers"], row["correct"], row["accuracy"], row["data-ms"])
        want = (s["user"], str(s["answers"]), str(s["correct"]), str(s["accuracy"]), str(s["avg_ms"]))
        assert got == want, (got, want)

    qs = p.rows["question"]
    assert len(qs) == len(j["questions"]), (len(qs), len(j["questions"]))
    for row, q in zip(qs, j["questions"]):
        got = (row["item"], row["expected"], row["answers"], row["data-correct"], row["accuracy"],
               row.get("top-wrong"), row.get("top-wrong-count"), row.get("data-also", "0"))
        want = (q["item"], q["expected"], str(q["answers"]), str(q["correct"]), str(q["accuracy"]),
                q["top_wrong"], str(q["top_wrong_count"]) if q["top_wrong"] else None,
                str(q["also"]))
        assert got == want, (got, want)

    cs = p.rows["confusion"]
    assert len(cs) == len(j["confusions"]), (len(cs), len(j["confusions"]))
    for row, c in zip(cs, j["confusions"]):
        got = (row["label"], row["students"], row["times"])
        want = (c["label"], str(c["students"]), str(c["times"]))
        assert got == want, (got, want)
    top = [(c["students"], c["times"]) for c in j["confusions"][:10]]
    bars = p.bars("mixbar", "students", "times")
    assert bars == top, (bars, top)


try:
    main()
except (AssertionError, KeyError, ValueError) as e:
    sys.exit("%s: %r" % (type(e).__name__, e))
