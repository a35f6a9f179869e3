#!/usr/bin/env bash
# Runs `forkstate generate --offline` on forks that add many files in one commit (default 12,000 and 50,000) and
# prints, per fork, the files-added fact as forkstate states it next to what git counts, with wall time and the
# JVM's peak memory (max RSS from /usr/bin/time). Goal: the count is git's exact number (or UNKNOWN with
# "output too large"), never a PASS with a smaller one; the run never ends in an internal error.
# Usage: bench/big-diff.sh [FILES...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(12000 50000)
work="$here/work"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (GNU time) for peak memory" >&2; exit 2; }

# An upstream of 20 files in two commits; the fork cuts from it and adds N files in one commit. Fixed dates and
# contents, written by git fast-import (one pack, no loose objects), so building a 50,000-file fork takes seconds.
stream() {
  local n="$1"
  python3 - "$n" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout.buffer
def commit(ref, mark, parent, when, msg, files):
    out.write(b"commit %s\nmark :%d\ncommitter Bench <b@example.invalid> %d +0000\n" % (ref, mark, when))
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if parent:
        out.write(b"from :%d\n" % parent)
    for path, content in files:
        out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path, len(content), content))
    out.write(b"\n")
t0 = 1_700_000_000
commit(b"refs/remotes/upstream/main", 1, None, t0, b"initial",
       [(b"lib/mod%02d.py" % i, b"X = %d\n" % i) for i in range(20)])
commit(b"refs/heads/fork/stable", 2, 1, t0 + 60, b"fork: add generated plugins",
       [(b"plugins/group_%03d/generated_module_%05d.py" % (i // 100, i), b"VALUE_%d = %d\n" % (i, i))
        for i in range(n)])
commit(b"refs/remotes/upstream/main", 3, 1, t0 + 120, b"upstream work", [(b"lib/mod00.py", b"X = 100\n")])
PY
}

"$root/forkstate" --version >/dev/null  # builds the jar and its start-up archive when needed

for n in "${sizes[@]}"; do
  repo="$work/big-$n"
  if [ ! -d "$repo/.git" ]; then
    echo "bench: building a fork that adds $n files..." >&2
    rm -rf "$repo"; mkdir -p "$repo"
    git -C "$repo" init -q -b main
    stream "$n" | git -C "$repo" fast-import --quiet
    git -C "$repo" remote add upstream "https://example.invalid/upstream.git"
    git -C "$repo" checkout -q fork/stable
    printf 'fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n' > "$repo/forkstate.yml"
    # forkstate.yml and the report stay out of the counts: commit the config, ignore the outputs.
    printf 'STATE_OF_PROJECT.*\n' > "$repo/.git/info/exclude"
    git -C "$repo" add forkstate.yml
    git -C "$repo" -c user.name=Bench -c user.email=b@example.invalid commit -q -m "forkstate config"
  fi
  mb=$(git -C "$repo" merge-base HEAD upstream/main)
  git_count=$(git -C "$repo" diff --no-renames --numstat -z --diff-filter=A "$mb" HEAD | tr -cd '\0' | wc -c)
  bytes=$(git -C "$repo" diff --no-renames --numstat -z --diff-filter=A "$mb" HEAD | wc -c)
  out="$work/big-$n.json"
  set +e
  /usr/bin/time -f '%e %M' -o "$work/big-$n.time" "$root/forkstate" generate --offline --quiet --format json \
    --repo "$repo" --out "$out" >/dev/null 2>"$work/big-$n.err"
  rc=$?
  set -e
  read -r secs kb < <(tail -n 1 "$work/big-$n.time")
  stated=$(python3 - "$out" <<'PY' 2>/dev/null || echo "no report"
import json, sys
doc = json.load(open(sys.argv[1]))
f = next(f for f in doc["facts"] if f["id"] == "upstream.files.added")
v = f.get("value", {})
n = len(v["files"]) if "files" in v else "-"
print("%s %s (%s)" % (f["status"], n, f["reason"] or f["summary"]))
PY
)
  echo "fork adding $n files: git counts $git_count (numstat -z: $bytes bytes); forkstate says $stated;" \
    "exit $rc, ${secs} s, peak RSS $((kb / 1024)) MiB"
done
