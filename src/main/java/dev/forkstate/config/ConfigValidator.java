package dev.forkstate.config;

import dev.forkstate.error.UserError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** The rules a well-typed forkstate.yml must still meet (positive timeouts, distinct names, an http(s) endpoint). */
final class ConfigValidator {
  private ConfigValidator() {}

  static void validate(ForkstateConfig c, String fileName, Node root) {
    if (c.smokes() != null) {
      for (int i = 0; i < c.smokes().size(); i++) {
        ForkstateConfig.SmokeConfig s = c.smokes().get(i);
        String at = fileName + ": smokes[" + i + "]";
        if (s == null || s.command() == null || s.command().isBlank()) {
          throw new UserError("smoke step has no command", at, "add 'command: <shell command>'");
        }
        if (s.timeoutSeconds() != null && s.timeoutSeconds() <= 0) {
          throw new UserError("timeout_seconds must be positive", at, "use e.g. 'timeout_seconds: 600'");
        }
      }
      NameIds.requireDistinct("smoke", "smokes", i -> c.smokes().get(i).name() == null ? "smoke-" + (i + 1)
          : c.smokes().get(i).name(), c.smokes().size(), fileName, root);
    }
    if (c.liveCheck() != null) {
      if (c.liveCheck().command() == null || c.liveCheck().command().isBlank()) {
        throw new UserError("live_check has no command", fileName + ": live_check", "add 'command: <shell command>'");
      }
      if (c.liveCheck().timeoutSeconds() != null && c.liveCheck().timeoutSeconds() <= 0) {
        throw new UserError("timeout_seconds must be positive", fileName + ": live_check", "use e.g. 120");
      }
    }
    if (c.llm() != null) {
      validateLlm(c.llm(), fileName + ": llm");
    }
    if (c.happypath() != null && c.happypath().determinismRuns() != null
        && (c.happypath().determinismRuns() < 1 || c.happypath().determinismRuns() > 10)) {
      throw new UserError("determinism_runs must be between 1 and 10", fileName + ": happypath",
          "use 2 to compare two runs, or 1 to run the smokes once and skip the comparison");
    }
    if (c.happypath() != null && c.happypath().repeatUnderSeconds() != null
        && c.happypath().repeatUnderSeconds() < 0) {
      throw new UserError("repeat_under_seconds must be 0 or more", fileName + ": happypath",
          "use e.g. 30 (the default): smokes whose first run took longer run once");
    }
    if (c.prBounds() != null && (c.prBounds().maxCommits() != null && c.prBounds().maxCommits() < 1
        || c.prBounds().maxFiles() != null && c.prBounds().maxFiles() < 1)) {
      throw new UserError("pr_bounds.max_commits and pr_bounds.max_files must be at least 1", fileName + ": pr_bounds",
          "use e.g. 'pr_bounds: {max_commits: 5, max_files: 10}' (the defaults)");
    }
    if (c.metrics() != null && c.metrics().commands() != null) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < c.metrics().commands().size(); i++) {
        ForkstateConfig.MetricCommandConfig m = c.metrics().commands().get(i);
        String at = fileName + ": metrics.commands[" + i + "]";
        if (m == null || m.name() == null || m.command() == null || m.command().isBlank()) {
          throw new UserError("a metric command needs a name and a command", at,
              "e.g. {name: parity, command: python local/scripts/parity.py --json}");
        }
        if (!names.add(m.name())) {
          throw new UserError("metric command '" + m.name() + "' is listed twice", at, "give each its own name");
        }
        for (ForkstateConfig.ThresholdConfig t : m.thresholds() == null ? List.<ForkstateConfig.ThresholdConfig>of()
            : m.thresholds()) {
          boolean bounds = t.min() != null || t.max() != null;
          boolean relative = t.relativeTo() != null || t.withinPct() != null;
          if (t.metric() == null || bounds == relative || (relative && (t.relativeTo() == null
              || t.withinPct() == null))) {
            throw new UserError("a threshold needs a metric and either min/max or relative_to with within_pct", at,
                "e.g. {metric: extracted.ttft_ms, relative_to: legacy.ttft_ms, within_pct: 3}");
          }
        }
      }
      NameIds.requireDistinct("metric command", "metrics.commands", k -> c.metrics().commands().get(k).name(),
          c.metrics().commands().size(), fileName, root);
    }
    if (c.capabilities() != null) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < c.capabilities().size(); i++) {
        ForkstateConfig.CapabilityConfig cap = c.capabilities().get(i);
        String at = fileName + ": capabilities[" + i + "]";
        if (cap == null || cap.name() == null || cap.name().isBlank()) {
          throw new UserError("capability has no name", at, "add 'name: <what the fork adds>'");
        }
        if (!names.add(cap.name())) {
          throw new UserError("capability '" + cap.name() + "' is listed twice", at, "merge the two entries");
        }
        if (cap.evidence() != null && cap.evidence().symbols() != null) {
          for (String sym : cap.evidence().symbols()) {
            if (sym == null || !sym.matches("[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_.]*")) {
              throw new UserError("symbol '" + sym + "' is not module:qualname", at,
                  "e.g. 'minillm.router_core.extracted:stream' or 'litellm.router:Router.__init__'");
            }
          }
        }
      }
      NameIds.requireDistinct("capability", "capabilities", k -> c.capabilities().get(k).name(),
          c.capabilities().size(), fileName, root);
    }
  }

  /** The writer needs an http(s) endpoint and a model; half a config is an error, not a silent fallback. */
  private static void validateLlm(ForkstateConfig.LlmConfig l, String at) {
    if (l.baseUrl() == null || l.baseUrl().isBlank() || l.model() == null || l.model().isBlank()) {
      throw new UserError("llm needs both base_url and model", at,
          "e.g. 'llm: {base_url: http://localhost:4000/v1, model: gpt-4o-mini}', or remove the llm block");
    }
    if (!l.baseUrl().startsWith("http://") && !l.baseUrl().startsWith("https://")) {
      throw new UserError("llm.base_url must be an http(s) URL, not '" + l.baseUrl() + "'", at,
          "e.g. http://localhost:4000/v1 (LiteLLM proxy) or http://localhost:11434/v1 (Ollama)");
    }
    if (l.apiKeyEnv() != null && !l.apiKeyEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new UserError("llm.api_key_env must name an environment variable, not hold the key", at,
          "put the key in a variable, e.g. 'api_key_env: LITELLM_API_KEY'");
    }
    if (l.timeoutSeconds() != null && l.timeoutSeconds() <= 0) {
      throw new UserError("timeout_seconds must be positive", at, "use e.g. 60");
    }
    if (l.maxRetries() != null && (l.maxRetries() < 0 || l.maxRetries() > 10)) {
      throw new UserError("max_retries must be between 0 and 10", at, "use e.g. 2");
    }
  }
}
