package dev.forkstate.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Merges forkstate.yml with what was detected. The config always wins; a detected value says how it was found. */
public final class SettingsResolver {
  public static final Duration DEFAULT_SMOKE_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_LIVE_TIMEOUT = Duration.ofMinutes(2);
  /** Checks whose FAIL or UNKNOWN makes the exit code 1 unless the config names its own list. */
  public static final List<String> DEFAULT_REQUIRED = List.of("ci-last-push-green", "ci-workflow-wired",
      "fork-branch-checked-out", "references-exist", "smoke-paths-tracked", "smokes-pass", "tag-present");
  public static final String DEFAULT_CI_JOB = "3.12";
  public static final Duration DEFAULT_LLM_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_LLM_RETRIES = 2;
  /** Two runs of the smokes: the least that can show a test whose outcome changes from run to run. */
  public static final int DEFAULT_DETERMINISM_RUNS = 2;
  /**
   * Without determinism_runs, a smoke is run a second time only when its first run took at most this long: a
   * 5-minute suite is not paid twice on every run; its determinism is then UNKNOWN until asked for.
   */
  public static final Duration DEFAULT_REPEAT_UNDER = Duration.ofSeconds(30);
  /** A PR branch is surgical (reviewable) with at most this many commits ahead of upstream... */
  public static final int DEFAULT_PR_MAX_COMMITS = 5;
  /** ...and at most this many files changed against it. */
  public static final int DEFAULT_PR_MAX_FILES = 10;
  /**
   * Branches prepared as upstream pull requests: patterns matched against local branches (refs/heads) and the
   * remote-tracking branches of every remote but the upstream ref's (a clone has them as origin/pr/*).
   */
  public static final List<String> DEFAULT_PR_BRANCHES = List.of("pr/*");
  /** Run history, relative to the repository; the folder ignores itself in git. */
  public static final String DEFAULT_HISTORY_DB = ".forkstate/history.db";
  public static final String DEFAULT_LLM_CACHE = ".forkstate/llm-cache";
  private SettingsResolver() {}

  /** Settings from the repository's forkstate.yml (or none) and detection. */
  public static Settings resolve(ForkstateConfig c, Detected d) {
    return resolve(c, d, ConfigLoader.FILE_NAME);
  }

  /**
   * @param configName the config file as the report names it (the file actually read: relative to the repository
   *     inside it, else its absolute path), shown as the source of every setting it gives
   */
  public static Settings resolve(ForkstateConfig c, Detected d, String configName) {
    final String fromFile = configName;
    Setting project = c.project() != null ? Setting.of(c.project(), fromFile)
        : Setting.of(d.repoName(), "detected: repository folder name");
    Setting forkBranch = c.forkBranch() != null ? Setting.of(c.forkBranch(), fromFile) : detectForkBranch(d);
    Setting upstream = c.upstreamRef() != null ? Setting.of(c.upstreamRef(), fromFile) : detectUpstream(d);
    List<Settings.Smoke> smokes = c.smokes() != null ? fromFile(c.smokes(), fromFile) : detectSmokes(d);
    Settings.LiveCheck live = c.liveCheck() != null
        ? new Settings.LiveCheck(c.liveCheck().command(), orEmpty(c.liveCheck().requiresEnv()),
            seconds(c.liveCheck().timeoutSeconds(), DEFAULT_LIVE_TIMEOUT), fromFile)
        : detectLive(d);
    Setting workflow = c.ci() != null && c.ci().workflow() != null ? Setting.of(c.ci().workflow(), fromFile)
        : detectWorkflow(d);
    Setting job = c.ci() != null && c.ci().job() != null ? Setting.of(c.ci().job(), fromFile)
        : Setting.of(DEFAULT_CI_JOB, "default: the Python version the fork must be green on");
    Setting apiUrl = c.ci() != null && c.ci().apiUrl() != null ? Setting.of(c.ci().apiUrl(), fromFile)
        : Setting.unset("default: from the remote's host");
    Setting remote = c.ci() != null && c.ci().remote() != null ? Setting.of(c.ci().remote(), fromFile)
        : Setting.unset("default: the fork branch's remote, else origin");
    Setting guide = c.guide() != null ? Setting.of(c.guide(), fromFile)
        : d.guides().isEmpty() ? Setting.unset("no *HAPPYPATH* guide found")
        : Setting.of(d.guides().get(0), "detected: file named *HAPPYPATH*");
    String prompt = c.assessmentPrompt() != null ? c.assessmentPrompt()
        : AssessmentPrompt.forUpstream(d.upstreamName());
    List<String> required = c.requiredChecks() != null ? c.requiredChecks() : DEFAULT_REQUIRED;
    return new Settings(project, forkBranch, upstream, smokes, live, workflow, job, apiUrl, remote, guide, prompt,
        orEmpty(c.paths()), required, llm(c.llm()), happyPath(c.happypath()), capabilities(c.capabilities()),
        c.prBranches() != null ? c.prBranches() : DEFAULT_PR_BRANCHES,
        c.historyDb() != null ? c.historyDb() : DEFAULT_HISTORY_DB,
        c.metrics() != null ? c.metrics() : new ForkstateConfig.MetricsConfig(List.of(), List.of()),
        prBounds(c.prBounds()));
  }

  private static Settings.PrBounds prBounds(ForkstateConfig.PrBoundsConfig b) {
    return new Settings.PrBounds(b == null || b.maxCommits() == null ? DEFAULT_PR_MAX_COMMITS : b.maxCommits(),
        b == null || b.maxFiles() == null ? DEFAULT_PR_MAX_FILES : b.maxFiles());
  }

  private static Settings.HappyPath happyPath(ForkstateConfig.HappyPathConfig h) {
    if (h == null) {
      return new Settings.HappyPath(List.of(), List.of(), List.of(), DEFAULT_DETERMINISM_RUNS, false,
          DEFAULT_REPEAT_UNDER);
    }
    return new Settings.HappyPath(orEmpty(h.allowedFlags()), orEmpty(h.allowedDefaults()),
        orEmpty(h.optionalModules()), h.determinismRuns() == null ? DEFAULT_DETERMINISM_RUNS : h.determinismRuns(),
        h.determinismRuns() != null, h.repeatUnderSeconds() == null ? DEFAULT_REPEAT_UNDER
        : Duration.ofSeconds(h.repeatUnderSeconds()));
  }

  private static List<Settings.Capability> capabilities(List<ForkstateConfig.CapabilityConfig> list) {
    if (list == null) {
      return null;
    }
    List<Settings.Capability> out = new ArrayList<>();
    for (ForkstateConfig.CapabilityConfig c : list) {
      ForkstateConfig.EvidenceConfig e = c.evidence() == null
          ? new ForkstateConfig.EvidenceConfig(null, null, null, null) : c.evidence();
      out.add(new Settings.Capability(c.name(), c.description() == null ? "" : c.description(), orEmpty(e.paths()),
          orEmpty(e.symbols()), orEmpty(e.env()), orEmpty(e.tests())));
    }
    return out;
  }

  /** Validated by ConfigLoader; here only the defaults. */
  private static Settings.Llm llm(ForkstateConfig.LlmConfig l) {
    if (l == null) {
      return null;
    }
    int retries = l.maxRetries() == null ? DEFAULT_LLM_RETRIES : l.maxRetries();
    return new Settings.Llm(l.baseUrl(), l.model(), l.apiKeyEnv(), seconds(l.timeoutSeconds(), DEFAULT_LLM_TIMEOUT),
        retries, Boolean.TRUE.equals(l.draftSections()),
        l.cacheDir() == null ? DEFAULT_LLM_CACHE : l.cacheDir());
  }

  private static Setting detectForkBranch(Detected d) {
    List<String> forkBranches = d.localBranches().stream().filter(b -> b.startsWith("fork/")).toList();
    if (forkBranches.size() == 1) {
      return Setting.of(forkBranches.get(0), "detected: the only local branch named fork/*");
    }
    if (forkBranches.contains("fork/stable")) {
      return Setting.of("fork/stable", "detected: local branch fork/stable");
    }
    return Setting.unset("not set and no fork/* branch found: set fork_branch in forkstate.yml");
  }

  private static Setting detectUpstream(Detected d) {
    if (!d.remotes().contains("upstream")) {
      return Setting.unset("no remote named upstream: set upstream_ref, or run git remote add upstream <url>");
    }
    for (String candidate : List.of("upstream/main", "upstream/master", "upstream/HEAD")) {
      if (d.remoteBranches().contains(candidate)) {
        return Setting.of(candidate, "detected: remote-tracking ref " + candidate);
      }
    }
    return Setting.unset("remote upstream has no main or master ref: run git fetch upstream, or set upstream_ref");
  }

  private static List<Settings.Smoke> fromFile(List<ForkstateConfig.SmokeConfig> configured, String source) {
    List<Settings.Smoke> out = new ArrayList<>();
    for (int i = 0; i < configured.size(); i++) {
      ForkstateConfig.SmokeConfig s = configured.get(i);
      String name = s.name() == null ? "smoke-" + (i + 1) : s.name();
      out.add(new Settings.Smoke(name, s.command(), seconds(s.timeoutSeconds(), DEFAULT_SMOKE_TIMEOUT),
          s.junitXml(), source));
    }
    return out;
  }

  private static List<Settings.Smoke> detectSmokes(Detected d) {
    return d.smokeDirs().stream().findFirst()
        .map(dir -> List.of(new Settings.Smoke("smokes", "PYTHONPATH=$(pwd) pytest -q " + dir,
            DEFAULT_SMOKE_TIMEOUT, null, "detected: Python tests in " + dir)))
        .orElse(List.of());
  }

  // Plain loops below, not streams: these run once per run on the start-up path, where each lambda's first call
  // costs more (its call site is linked) than the loop does.
  private static Settings.LiveCheck detectLive(Detected d) {
    if (d.liveCheckScripts().isEmpty()) {
      return null;
    }
    Map.Entry<String, List<String>> e = d.liveCheckScripts().entrySet().iterator().next();
    return new Settings.LiveCheck("PYTHONPATH=$(pwd) python " + e.getKey(), e.getValue(), DEFAULT_LIVE_TIMEOUT,
        "detected: " + e.getKey());
  }

  private static Setting detectWorkflow(Detected d) {
    List<String> wf = d.workflows();
    String pick = null;
    for (String w : wf) {
      if (w.endsWith("/fork-smokes.yml")) {
        pick = w;
        break;
      }
    }
    for (int i = 0; pick == null && i < wf.size(); i++) {
      pick = wf.get(i).contains("smoke") ? wf.get(i) : null;
    }
    if (pick == null && wf.size() == 1) {
      pick = wf.get(0);
    }
    return pick != null ? Setting.of(pick, "detected: workflow file")
        : Setting.unset(wf.isEmpty() ? "no workflow under .github/workflows"
            : "several workflows and none named *smoke*: set ci.workflow");
  }

  private static Duration seconds(Integer value, Duration fallback) {
    return value == null ? fallback : Duration.ofSeconds(value);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
