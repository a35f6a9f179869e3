package dev.forkstate.config;

import java.time.Duration;
import java.util.List;

/** The configuration after defaults were detected: what the collectors actually use. */
public record Settings(
    Setting project,
    Setting forkBranch,
    Setting upstreamRef,
    List<Smoke> smokes,
    LiveCheck liveCheck,
    Setting ciWorkflow,
    Setting ciJob,
    Setting ciApiUrl,
    Setting ciRemote,
    Setting guide,
    String prompt,
    List<String> paths,
    List<String> requiredChecks,
    Llm llm,
    HappyPath happyPath,
    List<Capability> capabilities,
    List<String> prBranches,
    String historyDb,
    ForkstateConfig.MetricsConfig metrics,
    PrBounds prBounds) {

  public Settings {
    smokes = List.copyOf(smokes);
    paths = paths.stream().distinct().sorted().toList();
    requiredChecks = requiredChecks.stream().distinct().sorted().toList();
  }

  /** The most commits ahead of upstream and files changed a PR branch may have to be called ready. */
  public record PrBounds(int maxCommits, int maxFiles) {}

  /** A smoke step; {@code junitXml} is a report path the command writes, for commands that are not pytest. */
  public record Smoke(String name, String command, Duration timeout, String junitXml, String source) {}

  /** These settings with another CI workflow: verify reads the runs of the workflow a report calls green. */
  public Settings withCiWorkflow(String workflow, String source) {
    return new Settings(project, forkBranch, upstreamRef, smokes, liveCheck, Setting.of(workflow, source), ciJob,
        ciApiUrl, ciRemote, guide, prompt, paths, requiredChecks, llm, happyPath, capabilities, prBranches, historyDb,
        metrics, prBounds);
  }

  /** Null command means no live check is configured or detected. */
  public record LiveCheck(String command, List<String> requiresEnv, Duration timeout, String source) {
    public LiveCheck {
      requiresEnv = requiresEnv.stream().distinct().sorted().toList();
    }
  }

  /**
   * The assessment writer's endpoint; null when none is configured (the rule-based answer is written). A null
   * {@code apiKeyEnv} means the endpoint needs no key (a local Ollama, a LiteLLM proxy without a master key).
   */
  public record Llm(String baseUrl, String model, String apiKeyEnv, Duration timeout, int maxRetries,
      boolean draftSections, String cacheDir) {}

  /**
   * The happy-path allowances; empty lists when not configured. {@code runs} is how often the smokes run to compare
   * outcomes; when the config does not set it ({@code runsSet} false) a smoke is repeated only if its first run took
   * at most {@code repeatUnder}, so a slow suite is not paid twice on every run.
   */
  public record HappyPath(List<String> allowedFlags, List<String> allowedDefaults, List<String> optionalModules,
      int runs, boolean runsSet, Duration repeatUnder) {
    public HappyPath {
      allowedFlags = allowedFlags.stream().distinct().sorted().toList();
      allowedDefaults = allowedDefaults.stream().distinct().sorted().toList();
      optionalModules = optionalModules.stream().distinct().sorted().toList();
    }
  }

  /** A claimed capability and its evidence; {@code capabilities} is null when the config lists none. */
  public record Capability(String name, String description, List<String> paths, List<String> symbols,
      List<String> env, List<String> tests) {
    public Capability {
      paths = List.copyOf(paths);
      symbols = List.copyOf(symbols);
      env = List.copyOf(env);
      tests = List.copyOf(tests);
    }
  }
}
