#!/usr/bin/env python3
"""Answer a plain-mode httptutor quiz/review/exam as a person would.

    drive.py LOG [--stop-after N] -- httptutor ARGS...

Waits for each "> " prompt (an exam's prompt starts with the time left),
looks at the question above it and answers "1" when choices are listed,
else a status code ("599").  At an exam's end prompt it types "finish" and
confirms with "y"; it declines a new attempt.  LOG gets one line per answer:
"<question number> <answer>".  A re-ask ("Type a choice …") is an
error here (the driver only gives valid answers).  With --stop-after N, stdin
is closed after N answers.  Prints the program's output; exits with the
program's status, or 3 when the driver itself got stuck.
"""
import os
import re
import select
import subprocess
import sys


def main():
    args = sys.argv[1:]
    log_path = args.pop(0)
    stop_after = None
    if args and args[0] == "--stop-after":
        stop_after = int(args[1])
        args = args[2:]
    if args and args[0] == "--":
        args = args[1:]
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out = b""
    answered = 0
    log = open(log_path, "w")
    fd = proc.stdout.fileno()
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            proc.kill()
            sys.stdout.write(out.decode("utf-8", "replace"))
            sys.stderr.write("drive.py: no output for 10 s\n")
            return 3
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        out += chunk
        text = out.decode("utf-8", "replace")
        if not re.search(r"(^|\n)[^\n]*> $", text) or proc.stdin.closed:
            continue
        last = text.rsplit("\n", 1)[-1]
        if "y/n" in last:
            reply = "y" if "Finish the exam?" in last else "n"
            proc.stdin.write(reply.encode() + b"\n")
            proc.stdin.flush()
            continue
        if "Type finish" in text.rsplit("\n[", 1)[-1]:
            proc.stdin.write(b"finish\n")
            proc.stdin.flush()
            continue
        if re.search(r"Type a (number|choice|status code)", text.rsplit("\n[", 1)[-1]):
            proc.kill()
            sys.stdout.write(text)
            sys.stderr.write("drive.py: the program re-asked a valid answer\n")
            return 3
        if stop_after is not None and answered >= stop_after:
            proc.stdin.close()
            continue
        block = text.rsplit("\n[", 1)[-1]
        m = re.match(r"(\d+)/\d+\]", block)
        answer = "1" if re.search(r"^  1\) ", block, re.M) else "599"
        log.write(f"{m.group(1) if m else '?'} {answer}\n")
        log.flush()
        proc.stdin.write(answer.encode() + b"\n")
        proc.stdin.flush()
        answered += 1
    if not proc.stdin.closed:
        proc.stdin.close()
    sys.stdout.write(out.decode("utf-8", "replace"))
    return proc.wait()


if __name__ == "__main__":
    sys.exit(main())
