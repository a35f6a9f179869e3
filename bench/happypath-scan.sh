#!/usr/bin/env bash
# Times the happy-path scan on a fork that changed N Python files (default 4000): `forkstate generate --offline`
# cold (scan cache removed: every blob parsed) and warm (same commits: nothing parsed), median of RUNS each.
# Goal: cold under 10 s, warm under 1 s. FORKSTATE_TRACE=1 shows the collect stage alone.
# Usage: bench/happypath-scan.sh [FILES] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
files="${1:-4000}"; runs="${2:-3}"
repo="$here/work/pyfork-$files"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

if [ ! -d "$repo/.git" ]; then
  echo "bench: building a fork that changes $files Python files..." >&2
  mkdir -p "$repo"; git -C "$repo" init -q -b main
  python3 "$here/make_python_fork.py" "$files" | git -C "$repo" fast-import --quiet
  git -C "$repo" remote add upstream "https://example.invalid/upstream.git"
  git -C "$repo" checkout -q fork/stable
  printf 'fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\nhappypath:\n  allowed_flags: [fast]\n' \
    > "$repo/forkstate.yml"
  printf 'forkstate.yml\n' > "$repo/.git/info/exclude"
fi
"$root/forkstate" --version >/dev/null  # builds the jar when needed

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
gen() { "$root/forkstate" generate --repo "$repo" --offline --out -; }

cold=$(for _ in $(seq "$runs"); do rm -rf "$repo/.forkstate/pyscan"; ms gen; done | median)
gen >/dev/null 2>&1 || true
warm=$(for _ in $(seq "$runs"); do ms gen; done | median)
blobs=$(( files * 2 ))
echo "happypath scan, $files changed .py files ($blobs blobs), median of $runs: cold ${cold} ms, warm ${warm} ms" \
  "(whole generate; goal: cold < 10000 ms, warm < 1000 ms)"
