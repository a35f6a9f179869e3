#!/usr/bin/env bash
# The action's main step, runnable by hand: generates the report, appends it to the job summary, sets the outputs,
# and decides the step's result. Environment: FS_CMD (how to run forkstate), FS_REPO, FS_ARGS, FS_JSON,
# FS_FAIL_ON_CHECKS; GITHUB_STEP_SUMMARY and GITHUB_OUTPUT as GitHub Actions sets them.
set -uo pipefail
repo="${FS_REPO:-.}"
json="${FS_JSON:-${RUNNER_TEMP:-/tmp}/forkstate/STATE_OF_PROJECT.json}"
mkdir -p "$(dirname "$json")"

# shellcheck disable=SC2086  # FS_CMD and FS_ARGS are word lists on purpose
$FS_CMD generate --repo "$repo" --json-out "$json" ${FS_ARGS:-}
code=$?

report="$(cd "$repo" && git rev-parse --show-toplevel 2>/dev/null || echo "$repo")/STATE_OF_PROJECT.md"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if [ -f "$report" ]; then
    # The hidden marks and the facts line are HTML comments: the summary shows the report as it renders.
    cat "$report" >> "$GITHUB_STEP_SUMMARY"
  else
    echo "forkstate wrote no report (exit $code)" >> "$GITHUB_STEP_SUMMARY"
  fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "exit-code=$code"; echo "report=$report"; } >> "$GITHUB_OUTPUT"
fi

if [ "$code" -ge 2 ]; then
  echo "::error::forkstate failed with exit code $code"
  exit "$code"
fi
if [ "$code" -eq 1 ] && [ "${FS_FAIL_ON_CHECKS:-false}" = "true" ]; then
  echo "::error::required checks did not pass: FAIL, UNKNOWN or SKIPPED for want of input (see the job summary)"
  exit 1
fi
exit 0
