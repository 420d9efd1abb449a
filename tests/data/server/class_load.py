#!/usr/bin/env python3
"""A class answering at once, as real separate processes (tests/server.sh and
make bench).

Each student is `httptutor quiz --plain --type type` fed one answer at a
time; an answer counts as confirmed when its feedback line is printed
without a NOT SAVED on stderr (the program prints feedback only after the
store said it kept the answer).  The latency of an answer is from writing it
to reading its feedback.

  class_load.py --bin B --content C --target file:DB|class:DIR|tcp:HOST:PORT
                --n N --k K [--users u1,u2,...] [--tokens FILE]
                [--own DIR] [--preload SO] [--pace-ms MS]
                [--serve 'ARGV...' --kills K --db DB]

--users runs student i as OS user i (setpriv); --tokens gives student i the
i-th "name token" line as HTTPTUTOR_TOKEN.  --serve starts the class server
itself and, with --kills, kills it with SIGKILL and starts it again K times
while the class answers; at the end every student's queue is sent and --db
is counted: the answers in it must equal the confirmed ones, student by
student.  Prints one JSON object."""
import argparse, json, os, pwd, re, signal, sqlite3, subprocess, sys, threading, time

ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--content", required=True)
ap.add_argument("--target", required=True)
ap.add_argument("--n", type=int, required=True)
ap.add_argument("--k", type=int, required=True)
ap.add_argument("--users")
ap.add_argument("--tokens")
ap.add_argument("--own")
ap.add_argument("--preload")
ap.add_argument("--pace-ms", type=float, default=0)
ap.add_argument("--serve")
ap.add_argument("--server-preload")
ap.add_argument("--kills", type=int, default=0)
ap.add_argument("--down-ms", type=float, default=0)
ap.add_argument("--db")
ap.add_argument("--log")
a = ap.parse_args()

users = a.users.split(",") if a.users else None
tokens = []
if a.tokens:
    for line in open(a.tokens):
        if line.strip():
            name, tok = line.split()
            tokens.append((name, tok))
kind, where = a.target.split(":", 1)
FEEDBACK = re.compile(r"(^|> )(Correct|Wrong)")


def env_for(i):
    e = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")
    for k in ("HTTPTUTOR_DB", "HTTPTUTOR_CLASS", "HTTPTUTOR_USER", "HTTPTUTOR_TOKEN", "LD_PRELOAD"):
        e.pop(k, None)
    if a.own:
        e["XDG_DATA_HOME"] = os.path.join(a.own, "s%d" % i)
        e["XDG_CACHE_HOME"] = os.path.join(a.own, "s%d" % i, "cache")
    if tokens:
        e["HTTPTUTOR_TOKEN"] = tokens[i][1]
    if a.preload:
        e["LD_PRELOAD"] = a.preload
    if users:
        e["HOME"] = "/nonexistent"
    else:
        e["HTTPTUTOR_USER"] = "s%d" % i
    return e


def argv_for(i, rest):
    base = [a.bin, "--content", a.content, "--lang", "en"]
    base += ["--db", where] if kind == "file" else ["--class", where]
    cmd = base + rest
    if users:
        pw = pwd.getpwnam(users[i])
        cmd = ["setpriv", "--reuid=%d" % pw.pw_uid, "--regid=%d" % pw.pw_gid, "--init-groups"] + cmd
    return cmd


def own_dirs():
    if not a.own:
        return
    for i in range(a.n):
        d = os.path.join(a.own, "s%d" % i)
        os.makedirs(d, exist_ok=True)
        if users:
            subprocess.run(["chown", users[i], d], check=True)


# ---- the server (restarted after each kill) --------------------------------------

server = None
server_log = open(a.log, "ab") if a.log else subprocess.DEVNULL


def start_server():
    global server
    env = dict(os.environ)
    env.pop("LD_PRELOAD", None)
    if a.server_preload:
        env["LD_PRELOAD"] = a.server_preload
    server = subprocess.Popen(a.serve.split(), stdout=server_log, stderr=server_log, env=env)
    sock = os.path.join(where, "class.sock") if kind == "class" else None
    deadline = time.time() + 15
    while time.time() < deadline:
        if sock and os.path.exists(sock):
            import socket
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect(sock)
                s.close()
                return
            except OSError:
                s.close()
        elif kind == "tcp":
            import socket
            host, port = where.rsplit(":", 1)
            try:
                socket.create_connection((host, int(port)), timeout=0.5).close()
                return
            except OSError:
                pass
        if server.poll() is not None:
            sys.exit("class_load: the server exited with %d" % server.returncode)
        time.sleep(0.02)
    sys.exit("class_load: the server did not start")


# ---- the students ------------------------------------------------------------------

results = [None] * a.n
start_gate = threading.Event()
ready = threading.Semaphore(0)


def student(i):
    p = subprocess.Popen(argv_for(i, ["quiz", "--plain", "--type", "type", "--seed", str(1000 + i),
                                     "--count", str(a.k)]),
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env_for(i), bufsize=0)
    errs = []
    t = threading.Thread(target=lambda: errs.extend(p.stderr.read().decode("utf-8", "replace").splitlines()))
    t.start()
    # Ready when the first question is on the screen.
    buf = b""
    while b"> " not in buf:
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            break
        buf += chunk
    buf = b""
    ready.release()
    start_gate.wait()
    lat, shown = [], 0
    kept = [0]
    for q in range(a.k):
        t0 = time.perf_counter()
        try:
            p.stdin.write(b"404\n")
        except BrokenPipeError:
            break
        got = False
        while not got:
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            lines = buf.split(b"\n")
            buf = lines[-1]
            for ln in lines[:-1]:
                if b"Kept on this computer" in ln:
                    kept[0] += 1
            for ln in lines[:-1] + [buf]:
                if FEEDBACK.search(ln.decode("utf-8", "replace")):
                    got = True
                    break
            if got:
                buf = b""
        if not got:
            break
        lat.append((time.perf_counter() - t0) * 1000)
        shown += 1
        if a.pace_ms:
            time.sleep(a.pace_ms / 1000)
    try:
        p.stdin.close()
    except BrokenPipeError:
        pass
    rest = p.stdout.read()
    kept[0] += rest.count(b"Kept on this computer")
    p.wait()
    t.join()
    not_saved = sum(1 for e in errs if "NOT SAVED" in e)
    results[i] = {"shown": shown, "not_saved": not_saved, "lat": lat, "rc": p.returncode,
                  "kept": kept[0],
                  "err": [e for e in errs if "NOT SAVED" in e][:2]}


own_dirs()
if a.serve:
    start_server()
threads = [threading.Thread(target=student, args=(i,)) for i in range(a.n)]
for t in threads:
    t.start()
for _ in range(a.n):                # every process shows its first question
    ready.acquire(timeout=120)
t0 = time.perf_counter()
start_gate.set()
kills = 0
if a.kills:
    # Spread the kills over the expected run: pace × k per student.
    span = max(1.0, a.k * max(a.pace_ms, 20) / 1000.0)
    for k in range(a.kills):
        time.sleep(span / (a.kills + 1))
        server.send_signal(signal.SIGKILL)
        server.wait()
        kills += 1
        time.sleep(a.down_ms / 1000)    # away long enough for requests to find it gone
        start_server()
for t in threads:
    t.join()
secs = time.perf_counter() - t0

out = {"students": a.n, "per_student": a.k, "seconds": round(secs, 3), "kills": kills}
lat = sorted(x for r in results for x in r["lat"])
shown = sum(r["shown"] for r in results)
not_saved = sum(r["not_saved"] for r in results)
out.update(answers=shown, not_saved=not_saved, confirmed=shown - not_saved,
           # answers never given: a student stopped early (a store that did not open)
           unanswered=a.n * a.k - shown,
           students_who_kept=sum(1 for r in results if r["kept"]),
           answers_per_s=round(shown / secs, 1) if secs else 0,
           p50_ms=round(lat[len(lat) // 2], 1) if lat else None,
           p99_ms=round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 1) if lat else None,
           failed=[i for i, r in enumerate(results) if r["rc"] != 0 or r["shown"] != a.k][:5],
           errors=[e for r in results for e in r["err"]][:3])

if a.serve and a.db:
    # Send what each student kept, then count the database per student.
    for i in range(a.n):
        subprocess.run(argv_for(i, ["stats", "--json"]), env=env_for(i),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    waiting = 0
    if a.own:
        for i in range(a.n):
            f = os.path.join(a.own, "s%d" % i, "httptutor", "progress.db")
            if os.path.exists(f):
                c = sqlite3.connect(f)
                waiting += c.execute("SELECT count(*) FROM pending").fetchone()[0]
                c.close()
    c = sqlite3.connect(a.db)
    rows = dict(c.execute("SELECT p.name, count(*) FROM answer a JOIN profile p "
                          "ON p.id = a.profile_id GROUP BY p.name").fetchall())
    c.close()
    names = [tokens[i][0] if tokens else users[i] if users else "s%d" % i for i in range(a.n)]
    mismatch = {names[i]: [results[i]["shown"] - results[i]["not_saved"], rows.get(names[i], 0)]
                for i in range(a.n)
                if results[i]["shown"] - results[i]["not_saved"] != rows.get(names[i], 0)}
    out.update(in_database=sum(rows.get(n, 0) for n in names), still_waiting=waiting,
               mismatch=dict(list(mismatch.items())[:5]))
    server.send_signal(signal.SIGTERM)
    server.wait()
elif server:
    server.send_signal(signal.SIGTERM)
    server.wait()
print(json.dumps(out))
