#!/usr/bin/env bash
# tests/bench.sh — `make bench`: time httptutor side by side with peers.
#   BENCH_N   runs per command (default 30)
# Each figure runs httptutor and its peer alternately in the same loop, so
# load on the machine hits both alike, and prints medians and the ratio
# (httptutor / peer; below 1 means httptutor is faster).  Times are wall
# clock from python3's perf_counter around fork+exec+wait, so both sides pay
# the same spawning cost.  Temp files live in one mktemp -d folder.
set -eu
cd "$(dirname "$0")/.." || exit 2

if [ ! -x ./httptutor ]; then
	echo "bench: ./httptutor not built (run make)" >&2
	exit 2
fi
for tool in python3 sqlite3 less; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/httptutor-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Time a private copy, so a rebuild during the run cannot disturb it.
cp ./httptutor "$tmp/httptutor"

python3 - "$tmp" "${BENCH_N:-30}" <<'PY'
import errno, fcntl, glob, os, re, select, shutil, signal, struct, subprocess
import sys, termios, time
from statistics import median

TMP, N = sys.argv[1], int(sys.argv[2])
BIN = os.path.join(TMP, "httptutor")
CONTENT = os.path.abspath("content")
CHAPTER = sorted(glob.glob(CONTENT + "/en/chapters/*.md"))[0]
YAML = sorted(glob.glob(CONTENT + "/**/*.yaml", recursive=True))
EVERY = YAML + sorted(glob.glob(CONTENT + "/*/chapters/*.md"))
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en", NO_COLOR="1",
           TERM="xterm-256color", LESS="", LESSHISTFILE="-",
           HTTPTUTOR_USER="bench", XDG_DATA_HOME=TMP)
ENV.pop("HTTPTUTOR_TEST_SCRIPT", None)
DB = os.path.join(TMP, "progress.db")
COMMON = [BIN, "--db", DB, "--content", CONTENT, "--lang", "en"]


def run(argv, stdin=b"", env=None):
    """Seconds for one run of argv; stdout/stderr go to /dev/null."""
    t0 = time.perf_counter()
    p = subprocess.run(argv, input=stdin, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env or ENV)
    t = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError("%s exited %d" % (" ".join(argv), p.returncode))
    return t


def run_pty(argv, keys=b"q", timeout=10.0):
    """Seconds to start argv on an 80x24 pseudo-terminal, see its first
    output (the first frame), send keys and see it exit; None on timeout."""
    t0 = time.perf_counter()
    pid, fd = os.forkpty()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execvpe(argv[0], argv, ENV)
        finally:
            os._exit(127)
    seen, eof, last_key, status = False, False, 0.0, None
    deadline = t0 + timeout
    try:
        while time.perf_counter() < deadline:
            if not eof and select.select([fd], [], [], 0.02)[0]:
                try:
                    eof = not os.read(fd, 65536)
                except OSError as e:   # EIO: the child closed the terminal
                    if e.errno != errno.EIO:
                        raise
                    eof = True
                seen = True
            elif eof:
                time.sleep(0.0005)
            now = time.perf_counter()
            # Resend the keys now and then in case the first ones arrived
            # before the program switched the terminal to raw mode.
            if seen and not eof and now - last_key > 0.1:
                os.write(fd, keys)
                last_key = now
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                break
    finally:
        t = time.perf_counter() - t0
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    return t if status is not None else None


def pair(a, b, n=N):
    """Run a and b alternately n times each; lists of seconds (None dropped)."""
    ta, tb = [], []
    for _ in range(n):
        x, y = a(), b()
        if x is not None:
            ta.append(x)
        if y is not None:
            tb.append(y)
    return ta, tb


rows = []


def row(figure, ours, peer_name, peer):
    rows.append((figure, median(ours) if ours else None, peer_name,
                 median(peer) if peer else None))


def fmt(s):
    return "n/a" if s is None else ("%.3f ms" % (s * 1e3) if s < 0.01 else "%.1f ms" % (s * 1e3))


# A first run creates the database (migrations) outside the timings.
run(COMMON + ["quiz", "--plain", "--count", "1"], stdin=b"")

# 1. Start-up to the first frame and quit.
scripted = dict(ENV, HTTPTUTOR_TEST_SCRIPT="q")
less = lambda: run_pty(["less", CHAPTER])
a, b = pair(lambda: run(COMMON, env=scripted), less)
row("1a start+quit (test script, /dev/null)", a, "less chapter on pty", b)
a, b = pair(lambda: run_pty(COMMON), less)
row("1b start+quit on an 80x24 pty", a, "less chapter on pty", b)
if shutil.which("gtypist"):
    # gtypist asks before leaving: Escape, then Y.
    a, b = pair(lambda: run_pty(COMMON), lambda: run_pty(["gtypist"], keys=b"\x1bY"))
    row("1c start+quit on an 80x24 pty", a, "gtypist on pty", b)
else:
    rows.append(("1c start+quit on an 80x24 pty", None, "gtypist (not installed)", None))

# 2. codes --all --json against a tiny SQLite query over the same codes, and
# against cat of the YAML files (the raw read floor).
codes = []
for f in glob.glob(CONTENT + "/codes/*.yaml"):
    cur = None
    for line in open(f, encoding="utf-8"):
        m = re.match(r"- code: (\d+)", line)
        if m:
            cur = [int(m.group(1)), "", ""]
            codes.append(cur)
        m = re.match(r"  (phrase|rfc): (.*)", line)
        if m and cur:
            cur[1 if m.group(1) == "phrase" else 2] = m.group(2).strip()
q = lambda s: "'" + s.replace("'", "''") + "'"
sql = ["CREATE TABLE code(code INTEGER PRIMARY KEY, phrase TEXT, rfc TEXT);", "BEGIN;"]
sql += ["INSERT INTO code VALUES(%d,%s,%s);" % (c, q(p), q(r)) for c, p, r in codes]
sql += ["COMMIT;", "SELECT json_group_array(json_object('code',code,'phrase',phrase,"
        "'class',(code/100)||'xx','rfc',rfc)) FROM code ORDER BY code;"]
sql = "\n".join(sql).encode()
ours = lambda: run(COMMON + ["codes", "--all", "--json"])
a, b = pair(ours, lambda: run(["sqlite3", ":memory:"], stdin=sql))
row("2  codes --all --json", a, "sqlite3 :memory: same rows as JSON", b)
a, b = pair(ours, lambda: run(["cat"] + YAML))
row("2  codes --all --json", a, "cat the YAML files", b)

# 3. Recording answers: 20 answered questions minus a quiz left at once,
# per answer; against sqlite3 doing 20 durable one-row transactions (WAL,
# synchronous=FULL) minus the same script without them, per row.
quiz = COMMON + ["quiz", "--plain", "--seed", "7", "--count", "20", "--type", "pick"]
peer_db = os.path.join(TMP, "peer.db")
setup = b"""PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;
CREATE TABLE IF NOT EXISTS answer(id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL,
 uid INTEGER NOT NULL, session_id INTEGER, item TEXT NOT NULL, qtype TEXT NOT NULL,
 shown TEXT NOT NULL, given TEXT NOT NULL, expected TEXT NOT NULL, correct INTEGER NOT NULL,
 ms INTEGER NOT NULL, answered_at INTEGER NOT NULL, content_version TEXT);
"""
insert = (b"BEGIN IMMEDIATE; INSERT INTO answer VALUES(NULL,1,1000,1,'alice-token-bob-order',"
          b"'pick','401,403,404,409','403','403',1,2500,strftime('%s','now'),'abc');COMMIT;\n")
run(["sqlite3", peer_db], stdin=setup)
ta, tb = pair(lambda: run(quiz, stdin=b"1\n" * 20),
              lambda: run(["sqlite3", peer_db], stdin=setup + insert * 20))
t0a, t0b = pair(lambda: run(quiz, stdin=b""), lambda: run(["sqlite3", peer_db], stdin=setup))
per = lambda full, empty: [max(0.0, (median(full) - median(empty)) / 20)]
row("3  quiz, 20 answers (whole run)", ta, "sqlite3, 20 durable inserts", tb)
row("3  cost per recorded answer", per(ta, t0a), "per durable insert", per(tb, t0b))

# 4. Content load alone.
a, b = pair(lambda: run(COMMON + ["lint", CONTENT]), lambda: run(["cat"] + EVERY))
row("4  lint content (load+validate)", a, "cat every content file", b)
# The term checks (glossary variants, code names) against the same pack
# without glossary.yaml, which loads and validates everything else alike.
NOGLOSS = os.path.join(TMP, "content-no-glossary")
shutil.copytree(CONTENT, NOGLOSS)
os.remove(os.path.join(NOGLOSS, "glossary.yaml"))
a, b = pair(lambda: run(COMMON + ["lint", CONTENT]), lambda: run(COMMON + ["lint", NOGLOSS]))
row("4  lint content with the glossary", a, "the same without glossary.yaml", b)

fs = subprocess.run(["stat", "-f", "-c", "%T", TMP], capture_output=True, text=True).stdout.strip()
print("httptutor bench: N=%d runs each, medians; temp files on %s (%s)" % (N, TMP, fs or "?"))
w = max(len(r[0]) for r in rows)
pw = max(len(r[2]) for r in rows)
print("%-*s  %10s  %-*s  %10s  %6s" % (w, "figure", "httptutor", pw, "peer", "peer", "ratio"))
for fig, ours_m, peer_name, peer_m in rows:
    ratio = "%.2f" % (ours_m / peer_m) if ours_m and peer_m else "n/a"
    print("%-*s  %10s  %-*s  %10s  %6s" % (w, fig, fmt(ours_m), pw, peer_name, fmt(peer_m), ratio))
PY
