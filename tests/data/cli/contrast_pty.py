#!/usr/bin/env python3
"""Plain mode on a terminal offers the contrast card after a mix-up.

    contrast_pty.py httptutor --db DB review --plain --group 401,403 ...

Runs the command on a pty, answers each question with the group's other code
(a wrong answer that falls in the group), and at the offer types "c".  Exits
0 when the offer came and the card followed it with this learner's mistake;
prints what it saw otherwise.
"""
import os
import re
import select
import sys
import time


def main():
    argv = sys.argv[1:]
    pid, fd = os.forkpty()
    if pid == 0:
        os.environ.pop("HTTPTUTOR_TEST_SCRIPT", None)
        os.execvp(argv[0], argv)
    out = b""
    sent_answer = sent_c = False
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        text = out.decode("utf-8", "replace").replace("\r\n", "\n")
        if not sent_answer and text.endswith("> "):
            block = text.rsplit("\n[", 1)[-1]
            codes = re.findall(r"^  \d\) (?:[a-d]\. )?(\d{3}) ", block, re.M)
            # any shown code of the group other than the right one is a mix-up;
            # the right one is unknown here, so answer both in turn if needed
            os.write(fd, (codes[0] if codes else "401").encode() + b"\n")
            sent_answer = True
        elif sent_answer and not sent_c and "Enter to go on: " in text:
            os.write(fd, b"c\n")
            sent_c = True
        elif sent_c and "Score:" in text:
            break
        elif sent_answer and not sent_c and "Score:" in text:
            # the first answer was right: nothing to offer; try the next run
            break
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")
    if not sent_c:
        print("RIGHT" if "Correct!" in text else "NO OFFER\n" + text)
        return 2 if "Correct!" in text else 1
    after = text.split("Enter to go on: ", 1)[1]
    if "Your mistakes in this group" in after and re.search(
            r"Right answer (401|403), you answered (401|403): 1 time \(latest: today\)", after):
        print("OK")
        return 0
    print("NO CARD\n" + text)
    return 1


if __name__ == "__main__":
    sys.exit(main())
