package dev.forkstate.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.forkstate.error.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Reads forkstate.yml strictly: an unknown key or a value of the wrong type is a {@link UserError} naming
 * file:line:column and, for a misspelt key, the nearest valid one. A missing file is an empty config.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = "forkstate.yml";

  private static CompletableFuture<ConfigLoader> shared;

  private final ObjectMapper yaml;

  /**
   * The process's loader, made on a background thread on the first call, with its deserializers built by reading an
   * empty document: Jackson's reflection over the config records is the costliest step of a cold start-up (100 ms
   * and more of CPU), and {@code Main} calls this before it parses the command line, so that work runs beside the
   * JVM's and picocli's start instead of after them. The mapper is thread-safe once configured.
   */
  public static synchronized CompletableFuture<ConfigLoader> shared() {
    if (shared == null) {
      CompletableFuture<ConfigLoader> made = new CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          ConfigLoader loader = new ConfigLoader();
          loader.warm();
          made.complete(loader);
        } catch (RuntimeException | Error e) {
          made.completeExceptionally(e);
        }
      }, "forkstate-config");
      t.setDaemon(true);
      t.start();
      shared = made;
    }
    return shared;
  }

  private void warm() {
    try {
      yaml.readValue("{}", ForkstateConfig.class);
    } catch (IOException | RuntimeException e) {
      // Only a warm-up: the real file is read, and its errors reported, by load.
    }
  }

  public ConfigLoader() {
    yaml = new ObjectMapper(new YAMLFactory());
    yaml.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    yaml.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    yaml.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // A number where text is expected (or the reverse) is a mistake in the file, not something to guess about.
    yaml.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    yaml.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    yaml.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
  }

  /** Loads {@code file}; returns the empty config when it does not exist. */
  public ForkstateConfig load(Path file) {
    if (!Files.exists(file)) {
      return ForkstateConfig.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read config: " + e.getMessage(), file.toString(), "check the file's permissions");
    }
    return parse(text, file.getFileName().toString());
  }

  public ForkstateConfig parse(String text, String fileName) {
    if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"))) {
      return ForkstateConfig.empty(); // blank or only comments: YAML's empty document
    }
    ForkstateConfig config;
    try {
      config = yaml.readValue(text, ForkstateConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String key = pathOf(e);
      String nearest = Nearest.of(e.getPropertyName(), names(e.getKnownPropertyIds()));
      String fix = nearest == null ? "valid keys here: " + String.join(", ", sorted(e.getKnownPropertyIds()))
          : "did you mean '" + replaceLast(key, e.getPropertyName(), nearest) + "'?";
      throw new UserError("config key '" + key + "' is unknown", where(fileName, keyLocation(text, e)), fix, e);
    } catch (MismatchedInputException e) {
      String key = pathOf(e);
      String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
      throw new UserError("config key '" + (key.isEmpty() ? "<top level>" : key) + "' has the wrong type; expected "
          + expected, where(fileName, e.getLocation()), "see the config reference in README.md", e);
    } catch (JsonProcessingException e) {
      throw new UserError("config is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          where(fileName, e.getLocation()), "fix the YAML syntax", e);
    }
    if (config == null) {
      return ForkstateConfig.empty();
    }
    validate(config, fileName, text);
    return config;
  }

  private static void validate(ForkstateConfig c, String fileName, String text) {
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
          : c.smokes().get(i).name(), c.smokes().size(), fileName, text);
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
          c.metrics().commands().size(), fileName, text);
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
          c.capabilities().size(), fileName, text);
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

  private static JsonLocation keyLocation(String text, UnrecognizedPropertyException e) {
    JsonLocation at = KeyLocator.find(text, e.getPath());
    return at != null ? at : e.getLocation();
  }

  private static String where(String fileName, JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return fileName;
    }
    return fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }

  /** "smokes[0].comand" from Jackson's reference path. */
  private static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String replaceLast(String path, String last, String with) {
    int i = path.lastIndexOf(last);
    return i < 0 ? with : path.substring(0, i) + with + path.substring(i + last.length());
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping of keys";
  }

  private static List<String> names(Collection<Object> ids) {
    return ids.stream().map(String::valueOf).sorted().toList();
  }

  private static List<String> sorted(Collection<Object> ids) {
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.toList());
  }
}
