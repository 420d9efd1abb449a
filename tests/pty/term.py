"""A real terminal for httptutor: the binary runs on a pty we drive, its
output goes through pyte (a VT100/xterm emulator), and keys are written as
raw bytes, exactly as a terminal (or a slow SSH link) delivers them.

tmux re-encodes keys given to send-keys, so sequences such as ESC[4~ cannot be
tested through it; here nothing stands between the bytes and the program.
"""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
import traceback

import pyte


class Fail(Exception):
    pass


def check(cond, why):
    if not cond:
        raise Fail(why)


def run(cases):
    """Run (name, function, args) cases; print "ok NAME" or "FAIL NAME: why"."""
    for name, fn, args in cases:
        try:
            fn(*args)
            print(f"ok {name}", flush=True)
        except Fail as e:
            print(f"FAIL {name}: {e}", flush=True)
        except Exception:
            print(f"FAIL {name}: {traceback.format_exc()}", flush=True)


class Term:
    def __init__(self, argv, term="xterm-256color", cols=80, rows=24, env=None, color=False):
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        self.status = None
        e = dict(os.environ)
        for k in ("HTTPTUTOR_TEST_SCRIPT", "HTTPTUTOR_TEST_DUMP", "HTTPTUTOR_TEST_SIZE",
                  "COLUMNS", "LINES", "ESCDELAY", "TMUX"):
            e.pop(k, None)
        e.update({"TERM": term, "NO_COLOR": "1"})
        e.update(env or {})
        if color:
            del e["NO_COLOR"]
        pid, fd = pty.fork()
        if pid == 0:
            # The child's terminal has its size before curses asks for it.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            try:
                os.execve(argv[0], argv, e)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    # ---- output ---------------------------------------------------------

    def pump(self, wait=0.05):
        """Read what the program wrote within `wait` seconds; False once it is gone."""
        r, _, _ = select.select([self.fd], [], [], wait)
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            return False
        self.raw += data
        self.stream.feed(data)
        return True

    def text(self):
        return "\n".join(self.line(y) for y in range(self.rows))

    def line(self, y):
        # Not screen.display: it fails on a wide character's emptied cell.
        row = self.screen.buffer[y]
        return "".join(row[x].data for x in range(self.cols)).rstrip()

    def wait(self, pattern, timeout=5.0):
        """Poll until the screen matches the regex; the match, or None at the deadline."""
        end = time.monotonic() + timeout
        rx = re.compile(pattern, re.M)
        while True:
            m = rx.search(self.text())
            if m:
                return m
            if time.monotonic() > end or not self.pump(0.05):
                m = rx.search(self.text())
                return m

    def settle(self, quiet=0.25, timeout=3.0):
        """Read until the program has written nothing for `quiet` seconds."""
        end = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < end:
            before = len(self.raw)
            if not self.pump(0.05):
                return
            if len(self.raw) != before:
                last = time.monotonic()
            elif time.monotonic() - last >= quiet:
                return

    def selected_rows(self):
        """Body rows (not the title or status bar) drawn in reverse video:
        the selection, with NO_COLOR."""
        rows = []
        for y in range(1, self.rows - 1):
            line = self.screen.buffer[y]
            if any(line[x].reverse and line[x].data.strip() for x in range(self.cols)):
                rows.append(self.line(y).strip())
        return rows

    # ---- input ----------------------------------------------------------

    def send(self, data, split=None, gap=0.03):
        """Write bytes; with split=k write the first k bytes, wait `gap`
        seconds, then the rest (a sequence cut by a slow link)."""
        if isinstance(data, str):
            data = data.encode()
        if split is None:
            os.write(self.fd, data)
        else:
            os.write(self.fd, data[:split])
            time.sleep(gap)
            os.write(self.fd, data[split:])

    def resize(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    # ---- end --------------------------------------------------------------

    def alive(self):
        if self.status is not None:
            return False
        pid, st = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = st
        return False

    def wait_exit(self, timeout=3.0):
        """Exit status once the program ended (its last output read), or None."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.05)
            if not self.alive():
                # Read what it wrote just before it ended, up to EOF.
                while time.monotonic() < end:
                    before = len(self.raw)
                    if not self.pump(0.1) or len(self.raw) == before:
                        break
                return os.waitstatus_to_exitcode(self.status)
        return None

    def close(self):
        if self.alive():
            os.kill(self.pid, signal.SIGTERM)
            if self.wait_exit(2) is None:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass
