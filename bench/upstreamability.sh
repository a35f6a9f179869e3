#!/usr/bin/env bash
# Times what the upstreamability facts run on the large bench repository (built by generate-vs-git.sh: 20,000
# commits, the fork 2,000 commits ahead and 500 behind): patch equivalence (git cherry, plus the log that groups
# fork-only commits by area) and the merge preview (git merge-tree --write-tree), median of RUNS.
# Goal: both together under 5 s. Usage: bench/upstreamability.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-5}"
repo="$here/work/large"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C
[ -d "$repo/.git" ] || "$here/generate-vs-git.sh" 20000 4000 1 >/dev/null
cd "$repo"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
patches() { git cherry upstream/main HEAD; git log --no-merges --format='@%h %s' --name-only upstream/main..HEAD; }
preview() { git merge-tree --write-tree --name-only -z HEAD upstream/main; }

p=$(for _ in $(seq "$runs"); do ms patches; done | median)
m=$(for _ in $(seq "$runs"); do ms preview; done | median)
echo "upstreamability on $(git rev-list --count upstream/main..HEAD) fork commits," \
  "$(git rev-list --count HEAD..upstream/main) behind: patch equivalence ${p} ms, merge preview ${m} ms," \
  "together $((p + m)) ms (goal < 5000 ms; median of $runs)"
