"""Writes a git fast-import stream: an upstream commit with N Python modules, and a fork commit on fork/stable
that changes every one of them the way a fork does (a parameter, an env read, a guarded import), so the
happy-path scan has 2N blobs to parse. Usage: python3 make_python_fork.py N | git fast-import"""
import sys

n = int(sys.argv[1])
out = sys.stdout.buffer
mark = [0]


def blob(text):
    mark[0] += 1
    data = text.encode()
    out.write(b"blob\nmark :%d\ndata %d\n" % (mark[0], len(data)) + data + b"\n")
    return mark[0]


def module(i, fork):
    lines = ["import os", "import json", ""]
    if fork:
        lines += ["try:", "    import numpy", "except ImportError:", "    numpy = None", ""]
    for c in range(4):
        lines.append("class Service%d_%d:" % (i, c))
        extra = ", *, fast=False" if fork and c == 0 else ""
        lines.append("    def __init__(self, name, timeout=30, retries=3%s):" % extra)
        lines.append("        self.name = name")
        lines.append("        self.level = os.environ.get(\"SVC_LEVEL_%d\", \"info\")" % c)
        if fork and c == 0 and i % 100 == 0:
            lines.append("        self.mode = os.getenv(\"FORK_MODE_%d\")" % i)
        for m in range(6):
            lines.append("    def call_%d(self, payload, *, verbose=False):" % m)
            lines.append("        data = json.dumps({\"name\": self.name, \"m\": %d, \"p\": payload})" % m)
            lines.append("        return [x for x in data if x.isalnum()][:%d]" % (m + 10))
        lines.append("")
    return "\n".join(lines) + "\n"


def commit(ref, msg, marks, parent, tick):
    mark[0] += 1
    out.write(b"commit %s\nmark :%d\n" % (ref.encode(), mark[0]))
    out.write(b"author Bench <b@example.invalid> %d +0000\ncommitter Bench <b@example.invalid> %d +0000\n"
              % (tick, tick))
    out.write(b"data %d\n%s\n" % (len(msg), msg.encode()))
    if parent:
        out.write(b"from :%d\n" % parent)
    for path, m in marks:
        out.write(b"M 100644 :%d %s\n" % (m, path.encode()))
    return mark[0]


up = [("svc/mod_%04d.py" % i, blob(module(i, False))) for i in range(n)]
base = commit("refs/heads/main", "upstream", up, None, 1767225600)
out.write(b"reset refs/remotes/upstream/main\nfrom :%d\n" % base)
fork = [("svc/mod_%04d.py" % i, blob(module(i, True))) for i in range(n)]
commit("refs/heads/fork/stable", "fork: fast flag, guarded numpy", fork, base, 1767225700)
