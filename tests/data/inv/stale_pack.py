#!/usr/bin/env python3
"""A compiled pack (the snapshot in $XDG_CACHE_HOME) is never trusted once
the content changed: an edit that keeps every file's size must show.

usage: stale_pack.py BIN CONTENT DIR

The copy's files are made an hour old (and their ctimes left to age past the
racy window) first, so the snapshot does not count them as "racy" (just
written) and the key's stat fields alone must notice the edit; then one
letter of the 418 card is changed in place."""
import os, shutil, subprocess, sys, time

BIN, SRC, D = sys.argv[1], sys.argv[2], sys.argv[3]
pack = os.path.join(D, "pack")
shutil.copytree(SRC, pack)
old = time.time() - 3600
for root, dirs, files in os.walk(pack):
    for f in files + dirs:
        os.utime(os.path.join(root, f), (old, old))
os.utime(pack, (old, old))
# ctime cannot be set back: wait until the copy's ctimes are older than the
# snapshot's racy window (2 s), so its key holds no racy entry to hash.
time.sleep(2.5)
env = dict(os.environ, XDG_CACHE_HOME=os.path.join(D, "cache"), LANGUAGE="en", LC_ALL="C.UTF-8")
env.pop("HTTPTUTOR_CONTENT", None)


def card():
    p = subprocess.run([BIN, "--content", pack, "--lang", "en", "code", "418"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
    if p.returncode != 0:
        sys.exit("BROKEN: code 418 exited %d: %s" % (p.returncode, p.stderr.decode()))
    return p.stdout.decode()


before = card()
again = card()            # from the snapshot now
if "teapot joke" not in before or again != before:
    sys.exit("BROKEN: the card from the snapshot differs from a fresh load")
path = os.path.join(pack, "codes", "4xx.yaml")
text = open(path, encoding="utf-8").read()
new = text.replace("the old teapot joke code", "the old teapot jokE code", 1)
if new == text or len(new) != len(text):
    sys.exit("BROKEN: the fixture text to edit is gone from codes/4xx.yaml")
with open(path, "w", encoding="utf-8") as f:
    f.write(new)
os.utime(path, (old + 60, old + 60))    # still old: not "racy" either
after = card()
if "teapot jokE code" not in after:
    sys.exit("BROKEN: a same-size edit of codes/4xx.yaml was not seen; the stale snapshot was used")
print("ok: a same-size edit rebuilt the compiled pack")
