#!/usr/bin/env bash
# Times `forkstate generate --offline` (no smokes) on a large repository against a plain script running the
# equivalent git commands, in the same run, and prints the ratio. Goal: forkstate <= 1.5x the plain script.
# Usage: bench/generate-vs-git.sh [COMMITS] [FILES] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
commits="${1:-20000}"; files="${2:-4000}"; runs="${3:-5}"
work="$here/work"; repo="$work/large"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

if [ ! -d "$repo/.git" ] || [ "$(cat "$work/shape" 2>/dev/null)" != "$commits $files" ]; then
  echo "bench: building a repository with $commits commits and $files files..." >&2
  rm -rf "$work"; mkdir -p "$repo"
  git -C "$repo" init -q -b main
  python3 "$here/make_large_repo.py" "$commits" "$files" | git -C "$repo" fast-import --quiet
  git -C "$repo" remote add upstream "https://example.invalid/upstream.git"
  git -C "$repo" checkout -q fork/stable
  printf 'fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n' > "$repo/forkstate.yml"
  echo "$commits $files" > "$work/shape"
fi
echo "bench: $(git -C "$repo" rev-list --all --count) commits, $(git -C "$repo" ls-files | wc -l) files" >&2

"$root/forkstate" --version >/dev/null  # builds the jar and its start-up archive when needed

plain() {
  cd "$repo"
  git rev-parse --is-inside-work-tree; git rev-parse --show-toplevel; git branch --show-current
  git for-each-ref --format='%(refname:short)' refs/heads; git for-each-ref --format='%(refname:short)' refs/remotes
  git remote; git ls-files; git ls-files --others --exclude-standard
  git rev-parse HEAD; git branch --show-current; git describe --tags --always; git tag --points-at HEAD
  git describe --tags --abbrev=0; git rev-parse --abbrev-ref --symbolic-full-name '@{u}' || true
  git status --porcelain; git rev-parse --is-shallow-repository
  git rev-parse --verify --quiet 'upstream/main^{commit}'; git rev-parse --is-shallow-repository
  mb=$(git merge-base HEAD upstream/main)
  git rev-list --left-right --count upstream/main...HEAD; git rev-list --merges --count upstream/main..HEAD
  for f in A M D; do git diff --no-renames --numstat -z --diff-filter=$f "$mb" HEAD; done
  git ls-tree -r --name-only HEAD -- forkstate.yml
  # What the happy-path and upstreamability facts add: the changed Python files, patch equivalence, the merge
  # preview, upstream merges, dates, PR branches.
  git log --oneline -n 100 upstream/main..HEAD
  git diff --raw -z --no-renames --no-abbrev "$mb" HEAD -- '*.py'
  git version; git cherry upstream/main HEAD
  git log --no-merges --no-renames --format='@%H %h %s' --name-only upstream/main..HEAD
  git merge-tree --write-tree --name-only -z HEAD upstream/main || true
  git log --merges --format='%H %cs %P' upstream/main..HEAD; git log --no-walk=unsorted --format='%ct %cs' HEAD "$mb"
  git for-each-ref --format='%(refname:short)' 'refs/heads/pr/*'
}

time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

fs_times=(); git_times=()
for i in $(seq "$runs"); do
  git_times+=("$(time_ms plain)")
  fs_times+=("$(time_ms "$root/forkstate" generate --offline --repo "$repo" --out "$work/report.md")")
done
g=$(printf '%s\n' "${git_times[@]}" | median); f=$(printf '%s\n' "${fs_times[@]}" | median)
echo "plain git script: ${git_times[*]} ms (median $g)"
echo "forkstate generate --offline: ${fs_times[*]} ms (median $f)"
awk -v f="$f" -v g="$g" 'BEGIN { r = f / g; printf "ratio forkstate/plain: %.2fx (goal <= 1.50x): %s\n", r, (r <= 1.5 ? "OK" : "OVER") }'
