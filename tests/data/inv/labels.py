#!/usr/bin/env python3
"""Grading matches what is shown: answer by the label printed beside a choice
(its number, or its letter a-d) and the log must hold that very choice.

usage: labels.py BIN DIR

Plain mode: several seeded quizzes of every question type; each question is
answered by a label drawn from the seed, and the answer log's `given` must be
the choice printed at that label.  Full screen: the same through the screen
test hooks (HTTPTUTOR_TEST_SCRIPT), reading the labels off a screen dump."""
import os, random, re, select, sqlite3, subprocess, sys, time

BIN, D = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8", COLUMNS="200", XDG_CACHE_HOME=D)
for k in ("HTTPTUTOR_TEST_SCRIPT", "HTTPTUTOR_CLASS"):
    ENV.pop(k, None)
CHOICE = re.compile(r"^\s*([1-4])\) (.*)$")
problems = []


def read_prompt(p, out):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if out[0].rstrip(b" ").endswith(b">") or out[0].endswith(b"> "):
            return True
        r, _, _ = select.select([p.stdout], [], [], 0.1)
        if r:
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                return False
            out[0] += chunk
    return False


def plain(qtype, seed):
    db = os.path.join(D, f"plain-{qtype}-{seed}.db")
    env = dict(ENV, HTTPTUTOR_DB=db)
    p = subprocess.Popen([BIN, "--lang", "en", "quiz", "--plain", "--type", qtype, "--seed",
                          str(seed), "--count", "4"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    rnd = random.Random(seed)
    expect = []
    for _ in range(4):
        out = [b""]
        if not read_prompt(p, out):
            break
        text = out[0].decode("utf-8", "replace")
        block = text[text.rfind("[") :]  # this question only
        shown = [m.group(2) for m in map(CHOICE.match, block.splitlines()) if m]
        if len(shown) != 4:
            problems.append(f"{qtype} seed {seed}: {len(shown)} labelled choices printed")
            break
        k = rnd.randrange(4)
        label = str(k + 1) if rnd.random() < 0.5 else "abcd"[k]
        expect.append((label, shown[k]))
        p.stdin.write(label.encode() + b"\n")
        p.stdin.flush()
    p.stdin.close()
    p.stdout.read()
    p.wait(timeout=30)
    c = sqlite3.connect(db)
    log = c.execute("SELECT given, shown FROM answer ORDER BY id").fetchall()
    c.close()
    if len(log) != len(expect):
        problems.append(f"{qtype} seed {seed}: {len(log)} answers logged, {len(expect)} given")
    for (label, printed), (given, shownlog) in zip(expect, log):
        order = shownlog.split(",")
        if qtype == "meaning":
            # The printed text is a code's summary; the log keeps the codes
            # in the order shown: the label's place must be the code given.
            ok = order["abcd1234".index(label) % 4] == given
        else:
            ok = printed.split(" ")[0] == given if qtype == "pick" else printed.strip() == given
        if not ok:
            problems.append(f"{qtype} seed {seed}: typed '{label}' beside '{printed}', "
                            f"logged '{given}' (shown {shownlog})")


def screen(seed, key):
    db = os.path.join(D, f"screen-{seed}-{key}.db")
    dump = os.path.join(D, f"screen-{seed}-{key}.txt")
    env = dict(ENV, HTTPTUTOR_DB=db, HTTPTUTOR_TEST_SCRIPT=f"<Dump>{key}qyq",
               HTTPTUTOR_TEST_SIZE="100x30", HTTPTUTOR_TEST_DUMP=dump, TERM="xterm-256color")
    subprocess.run([BIN, "--lang", "en", "quiz", "--type", "pick", "--seed", str(seed),
                    "--count", "2"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env, timeout=30)
    try:
        first = open(dump, encoding="utf-8").read().split("\f")[0]
    except OSError:
        problems.append(f"screen seed {seed}: no screen dump")
        return
    labels = {}
    for line in first.splitlines():
        # "1) a  302 Found": a number and a letter label the same choice.
        m = re.match(r"^\W*([1-4a-d])[.)]?\s+(?:([a-d])[.)]?\s+)?(\d{3})\b", line.strip())
        if m:
            labels[m.group(1)] = m.group(3)
            if m.group(2):
                labels[m.group(2)] = m.group(3)
    c = sqlite3.connect(db)
    log = c.execute("SELECT given FROM answer ORDER BY id").fetchall()
    c.close()
    want = labels.get(key)
    if not labels or len(log) != 1 or log[0][0] != want:
        problems.append(f"screen seed {seed}: pressed '{key}' beside {want} "
                        f"(labels {labels}), logged {log}")


for seed in (3, 11, 42):
    for qtype in ("pick", "meaning", "header"):
        plain(qtype, seed)
for seed, key in ((3, "2"), (11, "c"), (42, "4"), (7, "a")):
    screen(seed, key)
if problems:
    print("BROKEN: " + "; ".join(problems[:4]))
    sys.exit(1)
print("ok: every answer typed by its printed label was logged as that choice")
