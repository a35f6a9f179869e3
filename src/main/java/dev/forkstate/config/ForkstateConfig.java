package dev.forkstate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * forkstate.yml as written by the user. Every key is optional: null means "not set, detect it". Keys are snake_case
 * in the file. The record is the file's schema: adding a key here is what makes it valid.
 */
public record ForkstateConfig(
    @JsonProperty("project") String project,
    @JsonProperty("fork_branch") String forkBranch,
    @JsonProperty("upstream_ref") String upstreamRef,
    @JsonProperty("smokes") List<SmokeConfig> smokes,
    @JsonProperty("live_check") LiveCheckConfig liveCheck,
    @JsonProperty("ci") CiConfig ci,
    @JsonProperty("guide") String guide,
    @JsonProperty("assessment_prompt") String assessmentPrompt,
    @JsonProperty("paths") List<String> paths,
    @JsonProperty("required_checks") List<String> requiredChecks,
    @JsonProperty("llm") LlmConfig llm,
    @JsonProperty("happypath") HappyPathConfig happypath,
    @JsonProperty("capabilities") List<CapabilityConfig> capabilities,
    @JsonProperty("pr_branches") List<String> prBranches,
    @JsonProperty("history_db") String historyDb,
    @JsonProperty("metrics") MetricsConfig metrics,
    @JsonProperty("pr_bounds") PrBoundsConfig prBounds) {

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
      @JsonProperty("max_commits") Integer maxCommits,
      @JsonProperty("max_files") Integer maxFiles) {}

  /** One smoke step: a shell command line run from the repository root. */
  public record SmokeConfig(
      @JsonProperty("name") String name,
      @JsonProperty("command") String command,
      @JsonProperty("timeout_seconds") Integer timeoutSeconds,
      @JsonProperty("junit_xml") String junitXml) {}

  /** A check that calls real services; it runs only when every env var it needs is set, and never offline. */
  public record LiveCheckConfig(
      @JsonProperty("command") String command,
      @JsonProperty("requires_env") List<String> requiresEnv,
      @JsonProperty("timeout_seconds") Integer timeoutSeconds) {}

  /**
   * CI: the workflow file, the job that must be green (matched by name or matrix label, e.g. "3.12"), and for
   * GitHub Enterprise or tests the API base URL; the remote whose URL names the GitHub repository.
   */
  public record CiConfig(
      @JsonProperty("workflow") String workflow,
      @JsonProperty("job") String job,
      @JsonProperty("api_url") String apiUrl,
      @JsonProperty("remote") String remote) {}

  /**
   * An OpenAI-compatible chat completions endpoint that writes the blunt assessment from the measured facts. The key
   * is never in the file: {@code api_key_env} names the environment variable that holds it.
   */
  public record LlmConfig(
      @JsonProperty("base_url") String baseUrl,
      @JsonProperty("model") String model,
      @JsonProperty("api_key_env") String apiKeyEnv,
      @JsonProperty("timeout_seconds") Integer timeoutSeconds,
      @JsonProperty("max_retries") Integer maxRetries,
      @JsonProperty("draft_sections") Boolean draftSections,
      @JsonProperty("cache_dir") String cacheDir) {}

  /**
   * The happy-path rules' allowances: flags (env vars, parameters as {@code name} or {@code Qual.name(param)}, CLI
   * options) the fork may add, changed defaults it may make ({@code module:Qual.name(param)}), packages that are
   * optional (their import must be guarded), and how many times the smokes run to prove them deterministic (unset:
   * twice when the first run took at most repeat_under_seconds, else once).
   */
  public record HappyPathConfig(
      @JsonProperty("allowed_flags") List<String> allowedFlags,
      @JsonProperty("allowed_defaults") List<String> allowedDefaults,
      @JsonProperty("optional_modules") List<String> optionalModules,
      @JsonProperty("determinism_runs") Integer determinismRuns,
      @JsonProperty("repeat_under_seconds") Integer repeatUnderSeconds) {}

  /** A capability the fork claims, with the evidence forkstate checks. */
  public record CapabilityConfig(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("evidence") EvidenceConfig evidence) {}

  /** Paths committed at HEAD, Python symbols as module:qualname, env flags read in the code, tests that passed. */
  public record EvidenceConfig(
      @JsonProperty("paths") List<String> paths,
      @JsonProperty("symbols") List<String> symbols,
      @JsonProperty("env") List<String> env,
      @JsonProperty("tests") List<String> tests) {}

  /**
   * Metrics & SLIs the fork defines: modules that must import in a fresh interpreter, and commands that print a
   * JSON object whose numbers are checked against thresholds.
   */
  public record MetricsConfig(
      @JsonProperty("import_modules") List<String> importModules,
      @JsonProperty("commands") List<MetricCommandConfig> commands) {}

  public record MetricCommandConfig(
      @JsonProperty("name") String name,
      @JsonProperty("command") String command,
      @JsonProperty("timeout_seconds") Integer timeoutSeconds,
      @JsonProperty("thresholds") List<ThresholdConfig> thresholds) {}

  /**
   * One bound on a number in the command's JSON (dotted path): {@code min}/{@code max}, or within {@code within_pct}
   * percent of another number ({@code relative_to}), e.g. extracted.ttft_ms within 3% of legacy.ttft_ms.
   */
  public record ThresholdConfig(
      @JsonProperty("metric") String metric,
      @JsonProperty("min") Double min,
      @JsonProperty("max") Double max,
      @JsonProperty("relative_to") String relativeTo,
      @JsonProperty("within_pct") Double withinPct) {}
}
