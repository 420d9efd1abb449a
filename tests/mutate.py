#!/usr/bin/env python3
"""tests/mutate.py — `make mutate`: plant each bug in tests/mutants/ and see
whether the test suite notices.

Every tests/mutants/*.mut file is one mutant: a target file, a text to find
in it (it must occur exactly once, or `occurrence:` says which) and its
replacement.  Patterns, not line numbers, so mutants survive edits; a mutant
whose text is gone is reported STALE, so it gets rewritten rather than
silently skipped.

For each mutant, in a private copy of the tree: apply it, rebuild (make is
incremental, so one object is recompiled), run the test groups the mutant
names (default: all of `make check`), restore the file.  A failing run, or
one that times out, KILLS the mutant; a green run means it SURVIVED.  A
mutant that does not compile is STILLBORN (the mutant is broken, not the
tests).  A survivor whose file has an `equivalent:` line explaining why no
test can tell it apart is listed as EQUIVALENT and left out of the rate.

usage: python3 tests/mutate.py [-j JOBS] [--list] [--no-baseline] [NAME...]
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MUTANTS = os.path.join(ROOT, "tests", "mutants")
KEYS = {"target", "groups", "match", "replace", "occurrence", "equivalent", "timeout"}


class Mutant:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[:-4]
        self.about = ""
        self.fields = {}
        self.parse()

    def parse(self):
        lines = open(self.path, encoding="utf-8").read().split("\n")
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if not line.strip():
                continue
            if line.startswith("#"):
                self.about += (" " if self.about else "") + line.lstrip("# ").strip()
                continue
            m = re.match(r"^([a-z]+)\s*(<<\s*(\w+)|:\s?(.*))$", line)
            if not m or m.group(1) not in KEYS:
                raise ValueError(f"{self.path}:{i}: expected 'key: value' or 'key <<END' "
                                 f"with key in {sorted(KEYS)}")
            key = m.group(1)
            if m.group(3):                      # key <<END ... END (verbatim lines)
                end, block = m.group(3), []
                while i < len(lines) and lines[i] != end:
                    block.append(lines[i])
                    i += 1
                if i == len(lines):
                    raise ValueError(f"{self.path}: '{key} <<{end}' is never closed")
                i += 1
                self.fields[key] = "\n".join(block)
            else:
                self.fields[key] = m.group(4)
        for k in ("target", "match", "replace"):
            if k not in self.fields:
                raise ValueError(f"{self.path}: missing '{k}:'")
        if self.fields["match"] == self.fields["replace"]:
            raise ValueError(f"{self.path}: match and replace are the same")

    @property
    def groups(self):
        return self.fields.get("groups", "").split()

    def apply(self, text):
        """The mutated text, or (None, reason)."""
        pat, rep = self.fields["match"], self.fields["replace"]
        n = text.count(pat)
        which = int(self.fields.get("occurrence", "0") or 0)
        if n == 0:
            return None, "STALE: the text to match is no longer in " + self.fields["target"]
        if which == 0 and n > 1:
            return None, f"AMBIGUOUS: the text occurs {n} times; add 'occurrence: K'"
        if which > n:
            return None, f"STALE: occurrence {which} of {n}"
        k = which or 1
        pos = -1
        for _ in range(k):
            pos = text.index(pat, pos + 1)
        return text[:pos] + rep + text[pos + len(pat):], None


def run(cmd, cwd, timeout, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=env)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return None, out


def make_copy(dest):
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                           stdout=subprocess.PIPE, check=True).stdout.split(b"\0")
    for f in files:
        if not f:
            continue
        f = f.decode()
        src = os.path.join(ROOT, f)
        if not os.path.isfile(src) or f.startswith("tests/out/"):
            continue
        dst = os.path.join(dest, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)


def test_cmd(groups):
    return ["bash", "tests/run.sh"] + groups


def build(tree):
    return run(["make", "-s", "check-build"], tree, 900)


def one(m, tree, default_timeout):
    target = os.path.join(tree, m.fields["target"])
    if not os.path.isfile(target):
        return m, "STALE", "no file " + m.fields["target"], 0.0
    orig = open(target, encoding="utf-8").read()
    mutated, why = m.apply(orig)
    if mutated is None:
        return m, why.split(":")[0], why, 0.0
    t0 = time.monotonic()
    try:
        with open(target, "w", encoding="utf-8") as f:
            f.write(mutated)
        rc, out = build(tree)
        if rc != 0:
            return m, "STILLBORN", "does not build: " + " | ".join(out.strip().split("\n")[-3:]), \
                time.monotonic() - t0
        timeout = int(m.fields.get("timeout", default_timeout))
        # The planted bug is the only change: inv/mutants-apply would see
        # its own mutant's text missing and "kill" it.
        env = dict(os.environ, HTTPTUTOR_MUTANT=m.name)
        rc, out = run(test_cmd(m.groups), tree, timeout, env)
        tail = [l for l in out.split("\n") if l.startswith("FAIL ")][:3]
        if rc is None:
            return m, "KILLED", f"tests did not finish in {timeout} s", time.monotonic() - t0
        if rc != 0:
            last = [l for l in out.split("\n") if l.endswith(" failed")]
            return m, "KILLED", (last[-1] if last else f"exit {rc}") + \
                ("; " + "; ".join(tail) if tail else ""), time.monotonic() - t0
        if "equivalent" in m.fields:
            return m, "EQUIVALENT", m.fields["equivalent"], time.monotonic() - t0
        return m, "SURVIVED", "every test passed with this bug planted", time.monotonic() - t0
    finally:
        with open(target, "w", encoding="utf-8") as f:
            f.write(orig)
        # A fresh mtime, so the next build recompiles the restored file.
        os.utime(target, None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-j", "--jobs", type=int, default=int(os.environ.get("MUTATE_JOBS", "1")))
    ap.add_argument("--list", action="store_true", help="list the mutants and exit")
    ap.add_argument("--check", action="store_true",
                    help="only check that every mutant still applies (exit 1 if not)")
    ap.add_argument("--no-baseline", action="store_true",
                    help="skip checking that the unmutated tree passes")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per test run")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()

    paths = sorted(os.path.join(MUTANTS, f) for f in os.listdir(MUTANTS) if f.endswith(".mut"))
    try:
        mutants = [Mutant(p) for p in paths]
    except ValueError as e:
        print("mutate:", e, file=sys.stderr)
        return 2
    if a.names:
        want = set(a.names)
        mutants = [m for m in mutants if m.name in want]
        missing = want - {m.name for m in mutants}
        if missing:
            print("mutate: no such mutant:", ", ".join(sorted(missing)), file=sys.stderr)
            return 2
    if a.list:
        for m in mutants:
            print(f"{m.name:34} {m.fields['target']:22} {m.about}")
        print(f"{len(mutants)} mutants")
        return 0

    if a.check:
        bad = 0
        for m in mutants:
            target = os.path.join(ROOT, m.fields["target"])
            why = "no file " + m.fields["target"] if not os.path.isfile(target) else \
                m.apply(open(target, encoding="utf-8").read())[1]
            if why:
                bad += 1
                print(f"{m.name}: {why}")
        print(f"{len(mutants)} mutants, {len(mutants) - bad} apply")
        return 1 if bad else 0

    top = tempfile.mkdtemp(prefix="httptutor-mutate.")
    trees = []
    try:
        jobs = max(1, min(a.jobs, len(mutants)))
        for j in range(jobs):
            tree = os.path.join(top, f"t{j}")
            make_copy(tree)
            rc, out = build(tree)
            if rc != 0:
                print(out[-3000:])
                print("mutate: the unmutated tree does not build", file=sys.stderr)
                return 1
            trees.append(tree)
        if not a.no_baseline:
            groups = sorted({g for m in mutants for g in m.groups}) if all(m.groups for m in mutants) else []
            rc, out = run(test_cmd(groups), trees[0], a.timeout)
            if rc != 0:
                print(out[-3000:])
                print("mutate: the unmutated tree fails its tests; fix that first", file=sys.stderr)
                return 1
            print("baseline: " + ([l for l in out.split("\n") if l.endswith(" failed")] or ["?"])[-1])

        results = []
        free = list(trees)
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            pending = {}
            queue = list(mutants)
            while queue or pending:
                while queue and free:
                    m = queue.pop(0)
                    tree = free.pop()
                    pending[pool.submit(one, m, tree, a.timeout)] = tree
                done, _ = concurrent.futures.wait(pending, return_when="FIRST_COMPLETED")
                for fut in done:
                    free.append(pending.pop(fut))
                    m, verdict, detail, secs = fut.result()
                    results.append((m, verdict, detail))
                    print(f"{verdict:10} {m.name:34} {secs:5.0f} s  {detail}", flush=True)
    finally:
        shutil.rmtree(top, ignore_errors=True)

    count = {}
    for _, v, _ in results:
        count[v] = count.get(v, 0) + 1
    killed, survived = count.get("KILLED", 0), count.get("SURVIVED", 0)
    equivalent = count.get("EQUIVALENT", 0)
    broken = len(results) - killed - survived - equivalent
    rate = 100.0 * killed / (killed + survived) if killed + survived else 0.0
    print()
    for m, v, d in results:
        if v not in ("KILLED", "EQUIVALENT"):
            print(f"{v}: {m.name} ({m.fields['target']}): {m.about}")
    print(f"{len(results)} mutants: {killed} killed, {survived} survived, "
          f"{equivalent} equivalent, {broken} stale/stillborn; kill rate {rate:.1f}%")
    return 0 if survived == 0 and broken == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
