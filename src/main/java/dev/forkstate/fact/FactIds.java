package dev.forkstate.fact;

import java.util.List;

/**
 * The catalogue of fact ids: the only place an id is spelled. A fixed id is a constant; an id built from a name the
 * user gave (a smoke, a cited path, a capability, a metric command, a PR branch) comes from a factory that turns the
 * name into an id segment; a check or section that reads a whole family reads it through a {@link FactPrefix}.
 * A typo here fails to compile instead of reading as "not measured".
 */
public final class FactIds {
  private FactIds() {}

  // git: the checked-out commit, branch, tags, tracking remote and working tree (collect/git).
  /** The branch checked out, judged against the configured fork branch. */
  public static final FactId GIT_BRANCH_CURRENT = id("git.branch.current");
  /** The HEAD commit's sha. */
  public static final FactId GIT_HEAD_SHA = id("git.head.sha");
  /** {@code git describe} of HEAD. */
  public static final FactId GIT_DESCRIBE = id("git.describe");
  /** Tags pointing at HEAD. */
  public static final FactId GIT_TAGS_AT_HEAD = id("git.tags.at-head");
  /** The fork's newest release tag: on a commit reachable from HEAD and not from the upstream ref. */
  public static final FactId GIT_TAGS_NEAREST = id("git.tags.nearest");
  /** The nearest upstream tag below the fork (on the merge base with the upstream ref): upstream's release. */
  public static final FactId GIT_TAGS_UPSTREAM_BASE = id("git.tags.upstream-base");
  /** The remote branch the checked-out branch tracks. */
  public static final FactId GIT_TRACKING_REMOTE = id("git.tracking.remote");
  /** Commits not pushed to the tracking remote. */
  public static final FactId GIT_TRACKING_AHEAD = id("git.tracking.ahead");
  /** Commits on the tracking remote not pulled. */
  public static final FactId GIT_TRACKING_BEHIND = id("git.tracking.behind");
  /** Modified tracked files. */
  public static final FactId GIT_WORKTREE_DIRTY = id("git.worktree.dirty");
  /** Untracked files. */
  public static final FactId GIT_WORKTREE_UNTRACKED = id("git.worktree.untracked");
  /** Whether the clone is shallow (counts against upstream may be wrong). */
  public static final FactId GIT_SHALLOW = id("git.shallow");
  /** The working-tree facts, read together by the worktree-clean check. */
  public static final FactPrefix GIT_WORKTREE_PREFIX = new FactPrefix("git.worktree.");

  // upstream: drift from the upstream ref (collect/upstream).
  public static final FactId UPSTREAM_MERGE_BASE = id("upstream.merge-base");
  /** Fork commits not in upstream. */
  public static final FactId UPSTREAM_AHEAD = id("upstream.ahead");
  /** Upstream commits not in the fork. */
  public static final FactId UPSTREAM_BEHIND = id("upstream.behind");
  /** The fork's own commits, listed. */
  public static final FactId UPSTREAM_COMMITS = id("upstream.commits");
  /** Merge commits among the fork's own. */
  public static final FactId UPSTREAM_MERGES = id("upstream.merges");
  /** Top-level areas the fork touched. */
  public static final FactId UPSTREAM_AREAS = id("upstream.areas");
  /** Fork-side merges of upstream that a later fork commit reverted whole: in the history, not in the tree. */
  public static final FactId UPSTREAM_REVERTED_MERGES = id("upstream.reverted-merges");
  /** Token-shaped values (API keys, tokens, URL passwords) on lines the fork added: where, never the value. */
  public static final FactId UPSTREAM_SECRETS = id("upstream.secrets");
  public static final FactId UPSTREAM_FILES_ADDED = id("upstream.files.added");
  public static final FactId UPSTREAM_FILES_MODIFIED = id("upstream.files.modified");
  public static final FactId UPSTREAM_FILES_DELETED = id("upstream.files.deleted");
  /** Fork-only patches, by area. */
  public static final FactId UPSTREAM_PATCHES_FORK_ONLY = id("upstream.patches.fork-only");
  /** Fork patches upstream already took (cherry-picked). */
  public static final FactId UPSTREAM_PATCHES_UPSTREAMED = id("upstream.patches.upstreamed");
  /** Fork commits whose files upstream already holds (a squash, a re-landing) though git cherry finds no twin. */
  public static final FactId UPSTREAM_PATCHES_SUPERSEDED = id("upstream.patches.superseded");
  /** Conflicts a merge of upstream would meet. */
  public static final FactId UPSTREAM_MERGE_PREVIEW = id("upstream.merge-preview");
  /** Date upstream code last came in. */
  public static final FactId UPSTREAM_LAST_MERGE = id("upstream.last-merge");
  /** Age of the merge base, in days. */
  public static final FactId UPSTREAM_MERGE_BASE_AGE = id("upstream.merge-base-age");
  public static final FactPrefix UPSTREAM_PREFIX = new FactPrefix("upstream.");

  // pr: branches the fork keeps for upstream pull requests (collect/upstream; the pull states in collect/ci).
  /** Stands for the PR-branch collector (its failure id). */
  public static final FactId PR_BRANCHES = id("pr.branches");
  /** Stands for the pull-request collector (collect/ci, which still spells it itself). */
  public static final FactId PR_PULLS = id("pr.pulls");
  public static final FactPrefix PR_PREFIX = new FactPrefix("pr.");

  // smoke: the smoke commands' results and the live check (collect/smoke).
  /** No smoke command configured or detected. */
  public static final FactId SMOKE_NONE = id("smoke.none");
  /** Stands for the smoke collector (its failure id). */
  public static final FactId SMOKE_COLLECTOR = id("smoke.collector");
  public static final FactPrefix SMOKE_PREFIX = new FactPrefix("smoke.");
  /** The optional live check against real providers. */
  public static final FactId LIVE_CHECK = id("live.check");

  // happypath: the fork's happy-path rules (collect/happypath, collect/smoke; judged by check policies).
  public static final FactId HAPPYPATH_FLAGS = id("happypath.flags");
  public static final FactId HAPPYPATH_DEFAULTS = id("happypath.defaults");
  public static final FactId HAPPYPATH_IMPORTS = id("happypath.imports");
  /** Whether repeated smoke runs agree. */
  public static final FactId HAPPYPATH_DETERMINISM = id("happypath.determinism");
  /** Whether the guide's commands paste and run. */
  public static final FactId HAPPYPATH_COPY_PASTE = id("happypath.copy-paste");
  public static final FactPrefix HAPPYPATH_PREFIX = new FactPrefix("happypath.");

  // python and tests: what the fork's Python changes add (collect/happypath).
  public static final FactId PYTHON_ADDED_MODULES = id("python.added-modules");
  /** The Python files the fork changed, and any it could not parse. */
  public static final FactId PYTHON_CHANGES = id("python.changes");
  public static final FactId PYTHON_GUARDED_IMPORTS = id("python.guarded-imports");
  /** Packages the fork's test files newly import: apart from import-time robustness (tests may need dev tools). */
  public static final FactId PYTHON_TEST_IMPORTS = id("python.test-imports");
  /** What the project declares it needs (pyproject.toml, setup.cfg, setup.py, requirements files at HEAD). */
  public static final FactId PYTHON_DECLARED_DEPENDENCIES = id("python.declared-dependencies");
  /** New env vars, parameters and CLI options that are credentials (a secret handed on): listed, not flags. */
  public static final FactId PYTHON_CREDENTIALS = id("python.credentials");
  /** New env vars, parameters and CLI options read only in test files: listed, not flags. */
  public static final FactId PYTHON_TEST_ONLY_SETTINGS = id("python.test-only-settings");
  public static final FactId TESTS_ADDED_FOLDERS = id("tests.added-folders");

  // capability: the fork's claimed capabilities (collect/happypath).
  /** The claims as a whole: SKIPPED when forkstate.yml lists none. */
  public static final FactId CAPABILITIES_CLAIMED = id("capabilities.claimed");
  public static final FactPrefix CAPABILITY_PREFIX = new FactPrefix("capability.");
  /** Each capability.&lt;name&gt; and the one capabilities.claimed: what the capabilities check reads. */
  public static final FactPrefix CAPABILITY_OR_CLAIMS_PREFIX = new FactPrefix("capabilit");

  // ref: paths the config and report cite, each with its role (collect/refs).
  /** Stands for the reference collector (its failure id). */
  public static final FactId REF_SMOKE_COLLECTOR = id("ref.smoke.collector");
  public static final FactPrefix REF_PREFIX = new FactPrefix("ref.");
  public static final FactPrefix REF_SMOKE_PREFIX = new FactPrefix("ref.smoke.");
  public static final FactPrefix REF_GUIDE_PREFIX = new FactPrefix("ref.guide.");

  // metrics: import times and metric commands (collect/metrics).
  /** Stands for the metrics collector (its failure id). */
  public static final FactId METRICS_COLLECTOR = id("metrics.collector");
  public static final FactPrefix METRICS_PREFIX = new FactPrefix("metrics.");
  public static final FactPrefix METRICS_IMPORT_PREFIX = new FactPrefix("metrics.import.");

  // history: trends over the stored runs (history, app).
  public static final FactId HISTORY_RUNS = id("history.runs");
  public static final FactId HISTORY_SMOKE_PASS_RATE = id("history.smoke-pass-rate");
  public static final FactId HISTORY_BEHIND = id("history.behind");
  public static final FactId HISTORY_FLAKY = id("history.flaky");
  public static final FactId HISTORY_DRIFT_PER_WEEK = id("history.drift-per-week");
  public static final FactId HISTORY_DAYS_SINCE_UPSTREAM = id("history.days-since-upstream");
  /** The trend chart's file. */
  public static final FactId HISTORY_CHART = id("history.chart");
  public static final FactPrefix HISTORY_PREFIX = new FactPrefix("history.");

  // ci: the workflow and its runs (collect/ci, which still spells these itself until its conversion).
  public static final FactId CI_WORKFLOW_FILE = id("ci.workflow.file");
  public static final FactId CI_WORKFLOW_PUSH_TRIGGER = id("ci.workflow.push-trigger");
  public static final FactId CI_WORKFLOW_PYTHON = id("ci.workflow.python");
  public static final FactId CI_WORKFLOW_RUNS_SMOKES = id("ci.workflow.runs-smokes");
  public static final FactId CI_WORKFLOW_TEST_PATHS = id("ci.workflow.test-paths");
  public static final FactId CI_WORKFLOW_CONDITIONAL_JOBS = id("ci.workflow.conditional-jobs");
  /** The last push run of the workflow. */
  public static final FactId CI_RUN_LAST_PUSH = id("ci.run.last-push");
  /** The job for the required Python in that run. */
  public static final FactId CI_RUN_PYTHON_JOB = id("ci.run.python-job");
  public static final FactPrefix CI_WORKFLOW_PREFIX = new FactPrefix("ci.workflow.");
  public static final FactPrefix CI_RUN_PREFIX = new FactPrefix("ci.run.");

  /** The families whose ids are built from user-given names; every other id is a constant above. */
  public static final List<FactPrefix> FAMILIES = List.of(SMOKE_PREFIX, REF_PREFIX, CAPABILITY_PREFIX, METRICS_PREFIX,
      PR_PREFIX);

  /** A smoke command's result: smoke.&lt;name&gt;. */
  public static FactId smoke(String name) {
    return family(SMOKE_PREFIX, FactId.segment(name));
  }

  /** A cited path: ref.&lt;role&gt;.&lt;path&gt; (role: smoke, live, ci, guide or config). */
  public static FactId ref(String role, String path) {
    return family(REF_PREFIX, role + "." + FactId.segment(path));
  }

  /** A claimed capability: capability.&lt;name&gt;. */
  public static FactId capability(String name) {
    return family(CAPABILITY_PREFIX, FactId.segment(name));
  }

  /** A metric command as a whole: metrics.&lt;command&gt;. */
  public static FactId metric(String command) {
    return family(METRICS_PREFIX, FactId.segment(command));
  }

  /** One metric of a metric command: metrics.&lt;command&gt;.&lt;metric&gt;. */
  public static FactId metric(String command, String metric) {
    return FactId.of(metric(command).value() + "." + FactId.segment(metric));
  }

  /** Whether a module imports in a fresh interpreter: metrics.import.&lt;module&gt;. */
  public static FactId metricImport(String module) {
    return family(METRICS_IMPORT_PREFIX, FactId.segment(module));
  }

  /** A PR branch compared with upstream: pr.&lt;branch&gt;. */
  public static FactId pr(String branch) {
    return family(PR_PREFIX, FactId.segment(branch));
  }

  /** A PR branch's pull request upstream: pr.&lt;branch&gt;.pull (collect/ci, which still spells it itself). */
  public static FactId prPull(String branch) {
    return FactId.of(pr(branch).value() + ".pull");
  }

  private static FactId family(FactPrefix prefix, String rest) {
    return FactId.of(prefix.value() + rest);
  }

  private static FactId id(String value) {
    return FactId.of(value);
  }
}
