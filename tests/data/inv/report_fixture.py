#!/usr/bin/env python3
"""The class report and export against a hand-computed fixture (invariants
"output is escaped in every format" and "the report counts what was given").

usage: report_fixture.py BIN DIR   (DIR: an empty scratch folder)

Three students answer three questions with repeated wrong answers, so the
most common wrong answer is decided by counting `given` (for one question it
is the last in code order, so taking the first stored one is wrong); one answer holds a
backslash, a quote, CR and LF, another a spreadsheet formula.  Every figure
below was worked out by hand from the rows; each format must agree with it."""
import csv, io, json, os, sqlite3, subprocess, sys

BIN, D = sys.argv[1], sys.argv[2]
DB = os.path.join(D, "class.db")
ENV = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8", COLUMNS="80", XDG_CACHE_HOME=D)
for k in ("HTTPTUTOR_DB", "HTTPTUTOR_TEST_SCRIPT", "HTTPTUTOR_CLASS"):
    ENV.pop(k, None)
HOSTILE = 'a\\b"c\r\nd'
FORMULA = '=HYPERLINK("x")'
A, B, C = "upload-sent-to-quiet-node", "alice-reads-bob-order", "fixture-bad-body"
ROWS = [  # user, item, given, expected, correct
    ("alice", A, "302", "307", 0), ("alice", A, "302", "307", 0), ("alice", A, "307", "307", 1),
    ("alice", B, "403", "403", 1), ("alice", C, HOSTILE, "400", 0),
    ("bob", A, "302", "307", 0), ("bob", A, "308", "307", 0), ("bob", B, "404", "403", 0),
    ("bob", C, FORMULA, "400", 0),
    ("carol", A, "308", "307", 0), ("carol", B, "401", "403", 0), ("carol", B, "404", "403", 0),
    ("carol", C, FORMULA, "400", 0),
]
# By hand: (answers, correct, avg ms) per student; per question (expected,
# answers, correct, top wrong, its count).
STUDENTS = {"alice": (5, 2, 1000), "bob": (4, 0, 1500), "carol": (4, 0, 2000)}
QUESTIONS = {A: ("307", 6, 1, "302", 3), B: ("403", 4, 1, "404", 2), C: ("400", 3, 0, FORMULA, 2)}
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def run(*args):
    p = subprocess.run([BIN, "--db", DB] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=ENV, timeout=60)
    if p.returncode != 0:
        sys.exit(f"BROKEN: {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
    return p.stdout.decode("utf-8")


subprocess.run([BIN, "--db", DB, "--user", "alice", "review", "--plain"], stdin=subprocess.DEVNULL,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, timeout=60)
c = sqlite3.connect(DB)
for n in STUDENTS:
    c.execute("INSERT OR IGNORE INTO profile(name, created_at) VALUES (?, 0)", (n,))
pid = {n: i for i, n in c.execute("SELECT id, name FROM profile")}
ms = {"alice": 1000, "bob": 1500, "carol": 2000}
for i, (u, item, given, exp, ok) in enumerate(ROWS):
    c.execute("INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown, given, expected,"
              " correct, ms, answered_at, content_version, code) VALUES (?,?,NULL,?,?,?,?,?,?,?,?,?,?)",
              (pid[u], 1000, item, "pick", "301,302,307,308", given, exp, ok, ms[u],
               1763769000 + i, "fixture", int(exp)))
c.commit()
c.close()

# JSON report
j = json.loads(run("report", "--json"))
check((j["answers"], j["correct"]) == (13, 2), f"report --json totals {j['answers']}/{j['correct']}")
got = {s["user"]: (s["answers"], s["correct"], s["avg_ms"]) for s in j["students"]}
check(got == STUDENTS, f"report --json students {got}")
got = {q["item"]: (q["expected"], q["answers"], q["correct"], q["top_wrong"], q["top_wrong_count"])
       for q in j["questions"]}
check(got == QUESTIONS, f"report --json questions {got}")
check([q["item"] for q in j["questions"]] == [C, A, B], "report --json: hardest question first")

# CSV report: same figures; the formula neutralised
rows = list(csv.reader(io.StringIO(run("report", "--csv"), newline="")))
head = rows[0]
col = {k: head.index(k) for k in ("scope", "name", "expected", "answers", "correct", "top_wrong",
                                  "top_wrong_count")}
for r in rows[1:]:
    check(len(r) == len(head), f"report --csv row has {len(r)} cells, header {len(head)}")
st = {r[col["name"]]: (int(r[col["answers"]]), int(r[col["correct"]])) for r in rows[1:]
      if r[col["scope"]] == "student"}
check(st == {k: v[:2] for k, v in STUDENTS.items()}, f"report --csv students {st}")
qs = {r[col["name"]]: (r[col["expected"]], int(r[col["answers"]]), int(r[col["correct"]]),
                       r[col["top_wrong"]], int(r[col["top_wrong_count"]]))
      for r in rows[1:] if r[col["scope"]] == "question"}
want = dict(QUESTIONS)
want[C] = ("400", 3, 0, "'" + FORMULA, 2)
check(qs == want, f"report --csv questions {qs}")

# Text report
text = run("report")
for needle in ("302 ×3", "404 ×2", FORMULA + " ×2"):
    check(needle in text, f"text report lacks '{needle}'")
for name, (n, ok, _) in STUDENTS.items():
    check(any(l.split()[:3] == [name, str(n), str(ok)] for l in text.splitlines() if l.strip()),
          f"text report: no row '{name} {n} {ok}'")

# Export: the hostile answer survives JSON (backslash and quote escaped; CR
# and LF are control characters and show as U+FFFD, as in CSV and text, so
# it reads the same in every format) and stays one CSV cell.
ex = json.loads(run("--user", "alice", "export", "--json"))
check(len(ex) == 5, f"export --json has {len(ex)} rows, not 5")
hostile = [r["given"] for r in ex if r["item"] == C]
check(hostile == ['a\\b"c\ufffd\ufffdd'], f"export --json given {hostile!r}")
raw = run("--user", "alice", "export", "--csv")
check(all(l.endswith("\r") for l in raw.split("\n")[:-1]), "export --csv: a line break inside a row")
rows = list(csv.reader(io.StringIO(raw, newline="")))
check(len(rows) == 6 and all(len(r) == len(rows[0]) for r in rows), "export --csv: ragged rows")
gi = rows[0].index("given")
check([r[gi] for r in rows[1:]][-1] == 'a\\b"c\ufffd\ufffdd', f"export --csv given {rows[-1][gi]!r}")
bob = list(csv.reader(io.StringIO(run("--user", "bob", "export", "--csv"), newline="")))
check(bob[-1][gi] == "'" + FORMULA, f"export --csv formula cell {bob[-1][gi]!r}")

if problems:
    print("BROKEN: " + "; ".join(problems))
    sys.exit(1)
print("ok: report and export agree with the hand-computed fixture in every format")
