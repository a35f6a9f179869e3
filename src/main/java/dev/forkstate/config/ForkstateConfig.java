package dev.forkstate.config;

import java.util.List;

/**
 * forkstate.yml as written by the user. Every key is optional: null means "not set, detect it". Keys are the
 * components' names in snake_case ({@code forkBranch} is {@code fork_branch}; see {@link RecordBinder}). The record is
 * the file's schema: adding a component here is what makes its key valid.
 */
public record ForkstateConfig(
    String project,
    String forkBranch,
    String upstreamRef,
    List<SmokeConfig> smokes,
    LiveCheckConfig liveCheck,
    CiConfig ci,
    String guide,
    String assessmentPrompt,
    List<String> paths,
    List<String> requiredChecks,
    LlmConfig llm,
    HappyPathConfig happypath,
    List<CapabilityConfig> capabilities,
    List<String> prBranches,
    String historyDb,
    MetricsConfig metrics,
    PrBoundsConfig prBounds) {

  /** The prompt the user asked for, verbatim, typos included: it is quoted in the report exactly as given. */
  public static final String SEED_PROMPT =
      "With blunt criticalal expert-level honest assessment, How does our fork compare with with the original litellm";

  public static ForkstateConfig empty() {
    return new ForkstateConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /**
   * How small a PR branch must be to be called ready: at most {@code max_commits} commits ahead of the upstream ref and
   * {@code max_files} files changed against it. A reviewer takes a surgical change; a branch cut from the fork branch
   * (hundreds of commits) is not a pull request.
   */
  public record PrBoundsConfig(
      Integer maxCommits,
      Integer maxFiles) {}

  /** One smoke step: a shell command line run from the repository root. */
  public record SmokeConfig(
      String name,
      String command,
      Integer timeoutSeconds,
      String junitXml) {}

  /** A check that calls real services; it runs only when every env var it needs is set, and never offline. */
  public record LiveCheckConfig(
      String command,
      List<String> requiresEnv,
      Integer timeoutSeconds) {}

  /**
   * CI: the workflow file, the job that must be green (matched by name or matrix label, e.g. "3.12"), and for
   * GitHub Enterprise or tests the API base URL; the remote whose URL names the GitHub repository.
   */
  public record CiConfig(
      String workflow,
      String job,
      String apiUrl,
      String remote) {}

  /**
   * An OpenAI-compatible chat completions endpoint that writes the blunt assessment from the measured facts. The key
   * is never in the file: {@code api_key_env} names the environment variable that holds it.
   */
  public record LlmConfig(
      String baseUrl,
      String model,
      String apiKeyEnv,
      Integer timeoutSeconds,
      Integer maxRetries,
      Boolean draftSections,
      String cacheDir) {}

  /**
   * The happy-path rules' allowances: flags (env vars, parameters as {@code name} or {@code Qual.name(param)}, CLI
   * options) the fork may add, changed defaults it may make ({@code module:Qual.name(param)}), packages that are
   * optional (their import must be guarded), and how many times the smokes run to prove them deterministic (unset:
   * twice when the first run took at most repeat_under_seconds, else once).
   */
  public record HappyPathConfig(
      List<String> allowedFlags,
      List<String> allowedDefaults,
      List<String> optionalModules,
      Integer determinismRuns,
      Integer repeatUnderSeconds) {}

  /** A capability the fork claims, with the evidence forkstate checks. */
  public record CapabilityConfig(
      String name,
      String description,
      EvidenceConfig evidence) {}

  /** Paths committed at HEAD, Python symbols as module:qualname, env flags read in the code, tests that passed. */
  public record EvidenceConfig(
      List<String> paths,
      List<String> symbols,
      List<String> env,
      List<String> tests) {}

  /**
   * Metrics & SLIs the fork defines: modules that must import in a fresh interpreter, and commands that print a
   * JSON object whose numbers are checked against thresholds.
   */
  public record MetricsConfig(
      List<String> importModules,
      List<MetricCommandConfig> commands) {}

  public record MetricCommandConfig(
      String name,
      String command,
      Integer timeoutSeconds,
      List<ThresholdConfig> thresholds) {}

  /**
   * One bound on a number in the command's JSON (dotted path): {@code min}/{@code max}, or within {@code within_pct}
   * percent of another number ({@code relative_to}), e.g. extracted.ttft_ms within 3% of legacy.ttft_ms.
   */
  public record ThresholdConfig(
      String metric,
      Double min,
      Double max,
      String relativeTo,
      Double withinPct) {}
}
