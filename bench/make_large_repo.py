#!/usr/bin/env python3
"""Writes a git fast-import stream for a large fork: upstream history on refs/remotes/upstream/main and a fork
branch fork/stable cut from it. Deterministic: fixed dates and contents. Usage: make_large_repo.py COMMITS FILES"""
import sys

commits = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
files = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
fork_commits = max(1, commits // 10)
upstream_commits = commits - fork_commits
# The fork is 500 upstream commits behind (a quarter of upstream in a small repository).
cut = max(1, upstream_commits - min(500, upstream_commits // 4))
out = sys.stdout.buffer
t0 = 1_700_000_000


def data(s):
    b = s.encode()
    out.write(b"data %d\n" % len(b) + b + b"\n")


def commit(ref, mark, parent, when, msg, changes):
    out.write(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
    out.write(b"author Bench <b@example.invalid> %d +0000\n" % when)
    out.write(b"committer Bench <b@example.invalid> %d +0000\n" % when)
    data(msg)
    if parent:
        out.write(b"from :%d\n" % parent)
    for path, content in changes:
        out.write(b"M 100644 inline %s\n" % path.encode())
        data(content)
    out.write(b"\n")


def path(i):
    return "pkg%02d/mod%03d/file%05d.py" % (i % 50, (i // 50) % 100, i)


commit("refs/remotes/upstream/main", 1, None, t0, "initial",
       [(path(i), "X_%d = %d\n" % (i, i)) for i in range(files)])
mark = 1
cut_mark = None
for n in range(1, upstream_commits):
    mark += 1
    i = (n * 7919) % files
    commit("refs/remotes/upstream/main", mark, mark - 1, t0 + 60 * n, "upstream %d" % n,
           [(path(i), "X_%d = %d\nREV = %d\n" % (i, i, n))])
    if n == cut:
        cut_mark = mark
upstream_tip = mark
parent = cut_mark
for n in range(fork_commits):
    mark += 1
    if n % 3 == 0:
        changes = [("fork/extras/f%05d.py" % n, "F = %d\n" % n)]
    else:
        i = (n * 104729) % files
        changes = [(path(i), "X_%d = %d\nFORK = %d\n" % (i, i, n))]
    commit("refs/heads/fork/stable", mark, parent, t0 + 60 * (upstream_commits + n), "fork %d" % n, changes)
    parent = mark
out.write(b"reset refs/tags/v1.0.0-fork.1\nfrom :%d\n\n" % parent)
