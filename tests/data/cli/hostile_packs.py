#!/usr/bin/env python3
"""hostile_packs.py KIND DIR — turn a copy of tests/data/good (DIR) into a
content pack that once made httptutor slow, huge or stuck (issue 8).  Prints
the lines of scenarios/auth.yaml where lint must report, if any."""
import sys

kind, pack = sys.argv[1], sys.argv[2]
auth = pack + "/scenarios/auth.yaml"


def append(path, text):
    """Appends text; returns the line number its first line gets."""
    line = open(path, encoding="utf-8").read().count("\n") + 1
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)
    return line


def line_of(text, needle):
    return text[:text.index(needle)].count("\n") + 1


if kind == "bidi":
    s = open(auth, encoding="utf-8").read()
    s = s.replace("Carol logs in", "Carol \u202elogs in", 1)
    s = s.replace("why: The client has not said who it is.",
                  'why: "The client \\u202C has not said who it is."', 1)
    s = s.replace("404: The resource is there.", "404: The resource\u200b is there.", 1)
    open(auth, "w", encoding="utf-8").write(s)
    print(line_of(s, "\u202e"), line_of(s, "\\u202C"), line_of(s, "\u200b"))
elif kind == "deep":
    n = 10**6
    print(append(auth, "- id: deep\n  tags: " + "[" * n + "]" * n + "\n") + 1)
elif kind == "alias":
    big = "x" * 10**6
    print(append(auth, "- id: a\n  tags: [&E \"" + big + "\"]\n"
                       "- id: b\n  tags: [" + ", ".join(["*E"] * 1000) + "]\n") + 3)
elif kind == "total":
    # Five 3.5 MB files (comments: quick to read, nothing to parse).
    for i in range(5):
        open(f"{pack}/scenarios/t{i}.yaml", "w").write("# " + "x" * 3_500_000 + "\n")
elif kind == "values":
    open(pack + "/scenarios/n.yaml", "w").write("- [" + "a," * 150000 + "a]\n")
elif kind == "slow":
    # About 7 MB of (duplicate) scenarios: within every limit, seconds to load.
    entry = open(auth, encoding="utf-8").read()
    for i in range(4):
        open(f"{pack}/scenarios/z{i}.yaml", "w", encoding="utf-8").write(entry * 1400)
else:
    sys.exit(f"unknown kind {kind}")
