#!/usr/bin/env bash
# Times `forkstate generate --offline` (no smokes) against a plain script that runs the same git commands forkstate
# runs on that repository, no more and no fewer, one after another. Each round runs both (and FORKSTATE_BASELINE,
# when set) back to back, so a busy machine slows all of them alike; the medians are compared. Two repositories:
# - large (COMMITS, FILES; default 20,000 commits): the ratio forkstate/plain, goal <= 1.5x;
# - small (100 commits, 100 files): forkstate's fixed cost (JVM, start-up, config, history, report), goal <= 0.25 s
#   above the plain script.
# Then the median of each phase of forkstate's run, from its FORKSTATE_TRACE lines (start-up is from the process's
# start to the first stage; the columns do not add up to the total exactly: the launcher and the JVM's exit are
# outside them).
# Usage: bench/generate-vs-git.sh [COMMITS] [FILES] [RUNS]      (default 20000 4000 7)
#   FORKSTATE=/path/to/forkstate: the build to time (default: this checkout's launcher).
#   FORKSTATE_BASELINE=/path/to/forkstate: also time another build (a launcher script or a command) in each round.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
commits="${1:-20000}"; files="${2:-4000}"; runs="${3:-7}"
work="$here/work"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C
fs="${FORKSTATE:-$root/forkstate}"
baseline="${FORKSTATE_BASELINE:-}"

# A fork of a synthetic upstream (make_large_repo.py), with forkstate.yml; rebuilt when its shape changes.
repo_for() { # COMMITS FILES -> path
  local dir="$work/repo-$1-$2"
  if [ ! -d "$dir/.git" ]; then
    echo "bench: building a repository with $1 commits and $2 files..." >&2
    rm -rf "$dir"; mkdir -p "$dir"
    git -C "$dir" init -q -b main
    python3 "$here/make_large_repo.py" "$1" "$2" | git -C "$dir" fast-import --quiet
    git -C "$dir" remote add upstream "https://example.invalid/upstream.git"
    git -C "$dir" checkout -q fork/stable
    printf 'fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n' > "$dir/forkstate.yml"
  fi
  echo "$dir"
}

# The git commands `forkstate generate --offline` runs on these repositories (FORKSTATE_TRACE shows the collectors;
# a git wrapper on PATH lists the commands), in the order of its phases, one at a time. Checked against such a list
# (39 commands on both repositories) on 2026-11-30, session 5.
plain() { # REPO
  cd "$1"
  local paths=(-- .github/workflows/ tests/ t/ test/ testing/ ':(glob)**/*[Hh][Aa][Pp][Pp][Yy][Pp][Aa][Tt][Hh]*'
    ':(glob)**/*live[_-]check*.py')
  # start-up and config: the work tree, then what detection reads that forkstate.yml does not say
  git rev-parse --show-toplevel
  git ls-files --cached --others --exclude-standard "${paths[@]}"; git remote get-url upstream
  # collection: git state and tags
  git rev-parse HEAD; git ls-tree --name-only HEAD; git ls-tree -r --name-only HEAD -- requirements/
  git branch --show-current; git describe --tags --always; git tag --points-at HEAD
  git rev-parse --abbrev-ref --symbolic-full-name '@{u}' || true
  git status --porcelain -- . ':(exclude)STATE_OF_PROJECT.*'
  git rev-parse --is-shallow-repository  # read by the git state and the upstream drift: run once
  local mb; mb=$(git merge-base HEAD upstream/main)
  git tag --merged HEAD --no-merged upstream/main --sort=-creatordate; git describe --tags --abbrev=0 "$mb" || true
  # upstream drift
  git rev-parse --verify --quiet 'upstream/main^{commit}'
  git rev-list --left-right --count upstream/main...HEAD; git rev-list --merges --count upstream/main..HEAD
  git log --oneline --no-decorate --no-color -n 100 upstream/main..HEAD
  for f in A M D; do git diff --no-renames --numstat -z --diff-filter=$f "$mb" HEAD; done
  # the Python changes (their scan is cached after the first run, as forkstate's is)
  git diff --raw -z --no-renames --no-abbrev "$mb" HEAD; git rev-parse --absolute-git-dir
  # upstreamability: patch equivalence, the fork's commits with their files (and the trees at both ends for those
  # git cherry keeps: whole trees past 64 paths), the merge preview and the fork's lines when it conflicts, dates
  git version; local cherry; cherry=$(git cherry upstream/main HEAD)
  git log --no-merges --no-renames --format='@%H %h %s' --name-only upstream/main..HEAD
  local raw; raw=$(git -c core.quotePath=false log --no-merges --raw --no-abbrev --no-renames --format='@%H %H %s' \
    upstream/main..HEAD)
  local own=(); mapfile -t own < <(printf '%s\n' "$cherry" | sed -n 's/^+ //p' | sort -u)
  local touched=(); mapfile -t touched < <(printf '%s\n' "$raw" | awk -v own="${own[*]}" '
    BEGIN { n = split(own, o, " "); for (i = 1; i <= n; i++) keep[o[i]] = 1 }
    /^@/ { k = (substr($1, 2) in keep); next }
    k && /^:/ { sub(/^[^\t]*\t/, ""); print }' | sort -u)
  if [ "${#touched[@]}" -gt 0 ]; then
    [ "${#touched[@]}" -le 64 ] || touched=()
    git ls-tree -r -z --full-tree upstream/main -- "${touched[@]}"; git ls-tree -r -z --full-tree HEAD -- "${touched[@]}"
  fi
  if ! git merge-tree --write-tree --name-only -z HEAD upstream/main; then
    git diff -M -l7000 --numstat -z "$mb" HEAD; git diff -M -l7000 --diff-filter=R --name-status -z "$mb" upstream/main
  fi
  git rev-list --count --merges upstream/main..HEAD
  git log --merges --format='%H %cs %P' upstream/main..HEAD; git log --no-walk=unsorted --format='%ct %cs' HEAD "$mb"
  # reverted merges of upstream (the fork-side merges with their parents) and the secret-shaped values the fork added
  git rev-list --merges --parents upstream/main..HEAD
  git diff -U0 --no-color --no-ext-diff --no-textconv --no-renames --diff-filter=AM "$mb" HEAD
  # PR branches (listed once, for their collector and the PR lookups)
  git for-each-ref --format='%(refname)' 'refs/heads/pr/*' 'refs/remotes/*/pr/*'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
export -f plain
# Wall and CPU (user + system, the git processes included) milliseconds of a command, as "WALL CPU".
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>>"$work/stderr" || true
  tail -n 1 "$work/time" | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
}

# One case: RUNS rounds of plain, forkstate (and the baseline) back to back; keeps the trace phases.
run_case() { # NAME REPO
  local name="$1" repo="$2" i w c
  local gt=() ft=() bt=() gc=() fc=() bc=()
  "$fs" generate --offline --repo "$repo" --out "$work/$name.md" >/dev/null 2>&1 || true  # caches, as in use
  [ -z "$baseline" ] || $baseline generate --offline --repo "$repo" --out "$work/$name-baseline.md" >/dev/null 2>&1 || true
  : > "$work/stderr"
  for i in $(seq "$runs"); do
    read -r w c < <(timed bash -c 'plain "$0"' "$repo"); gt+=("$w"); gc+=("$c")
    read -r w c < <(FORKSTATE_TRACE=1 timed "$fs" generate --offline --repo "$repo" --out "$work/$name.md")
    ft+=("$w"); fc+=("$c")
    if [ -n "$baseline" ]; then
      read -r w c < <(timed $baseline generate --offline --repo "$repo" --out "$work/$name-baseline.md")
      bt+=("$w"); bc+=("$c")
    fi
  done
  grep '^forkstate: trace' "$work/stderr" > "$work/$name.trace" || true
  m() { printf '%s\n' "$@" | median; }
  echo "$name $(m "${gt[@]}") $(m "${ft[@]}") $( [ -n "$baseline" ] && m "${bt[@]}" || echo -) $(m "${gc[@]}") \
$(m "${fc[@]}") $( [ -n "$baseline" ] && m "${bc[@]}" || echo -)" >> "$work/results"
  echo "bench: $name wall ms: plain ${gt[*]}; forkstate ${ft[*]}${baseline:+; baseline ${bt[*]}}" >&2
}

phase_medians() { # NAME: the median of each top-level trace phase
  local name="$1" p
  for p in start-up config collection history render write; do
    sed -n "s/^forkstate: trace $p *\([0-9]*\) ms$/\1/p" "$work/$name.trace" | median
  done | paste -sd' '
}

mkdir -p "$work"; : > "$work/results"
large="$(repo_for "$commits" "$files")"; small="$(repo_for 100 100)"
"$fs" --version >/dev/null  # builds the jar and its start-up archive when needed
echo "bench: load before: $(uptime | sed 's/.*load average: //') (cores: $(nproc))"
run_case large "$large"
run_case small "$small"
echo "bench: load after: $(uptime | sed 's/.*load average: //')"
echo
echo "medians of $runs rounds, milliseconds; cpu = user + system, git processes included"
printf '%-6s %7s %6s %6s %8s %9s %7s %7s %8s\n' case commits plain fs baseline fs/plain "cpu:plain" fs baseline
while read -r name g f b gc fc bc; do
  c=$([ "$name" = large ] && echo "$commits" || echo 100)
  awk -v n="$name" -v c="$c" -v g="$g" -v f="$f" -v b="$b" -v gc="$gc" -v fc="$fc" -v bc="$bc" \
    'BEGIN { printf "%-6s %7d %6d %6d %8s %8.2fx %9d %7d %8s\n", n, c, g, f, b, f / g, gc, fc, bc }'
done < "$work/results"
echo
echo "forkstate phases (median ms of $runs runs, from FORKSTATE_TRACE):"
printf '%-6s %9s %7s %11s %8s %7s %6s\n' case start-up config collection history render write
for name in large small; do
  # shellcheck disable=SC2046  # six numbers
  printf '%-6s %9s %7s %11s %8s %7s %6s\n' "$name" $(phase_medians "$name")
done
echo
read -r _ lg lf _rest < <(grep '^large ' "$work/results")
read -r _ sg sf _rest < <(grep '^small ' "$work/results")
awk -v f="$lf" -v g="$lg" -v c="$commits" 'BEGIN { r = f / g; printf "ratio forkstate/plain at %d commits: %.2fx (goal <= 1.50x): %s\n", c, r, (r <= 1.5 ? "OK" : "OVER") }'
awk -v f="$sf" -v g="$sg" 'BEGIN { d = (f - g) / 1000; printf "fixed cost at 100 commits: forkstate %.2f s above the plain script (goal <= 0.25 s): %s\n", d, (d <= 0.25 ? "OK" : "OVER") }'
