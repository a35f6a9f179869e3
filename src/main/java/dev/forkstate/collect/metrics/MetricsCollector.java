package dev.forkstate.collect.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fork's own Metrics & SLIs. Import-time failures: each configured module imported alone in a fresh python3
 * (PASS when it imports, FAIL with the error's last line). User metrics: a command prints one JSON object; each
 * threshold reads a number by dotted path (and the one it is compared with), measured as INFO: the bounds are
 * judged in the check package (MetricThresholdPolicy). A command that fails or prints no such number gives UNKNOWN.
 */
public final class MetricsCollector implements Collector {
  static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(60);
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.METRICS_COLLECTOR));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    ForkstateConfig.MetricsConfig m = ctx.settings().metrics();
    List<Fact> facts = new ArrayList<>();
    for (String module : m.importModules() == null ? List.<String>of() : m.importModules()) {
      facts.add(importFact(ctx, module));
    }
    for (ForkstateConfig.MetricCommandConfig c : m.commands() == null
        ? List.<ForkstateConfig.MetricCommandConfig>of() : m.commands()) {
      facts.addAll(command(ctx, c));
    }
    return facts;
  }

  private static Fact importFact(CollectContext ctx, String module) {
    FactId id = FactIds.metricImport(module);
    String line = "PYTHONPATH=$(pwd) python3 -c " + ShellQuote.quote("import " + module);
    CommandResult r = ctx.runner().run(CommandSpec.shell(line, ctx.repo(), Map.of("PYTHONDONTWRITEBYTECODE", "1"),
        IMPORT_TIMEOUT));
    if (r.timedOut()) {
      return new Fact(id, Status.FAIL, Value.none(), Phrase.of(Phrase.Kind.NAME, module)
          .then(" did not import within " + IMPORT_TIMEOUT.toSeconds() + " s"), Phrase.empty(), List.of(r.evidence()));
    }
    if (r.ok()) {
      return Fact.of(id, Status.PASS, new Value.Flag(true), Phrase.of(Phrase.Kind.NAME, module)
          .then(" imports in a fresh interpreter"), r.evidence());
    }
    String last = r.stderr().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("exit " + r.exitCode());
    return new Fact(id, Status.FAIL, new Value.Flag(false), Phrase.of(Phrase.Kind.NAME, module)
        .then(" fails to import: " + last.strip()), Phrase.empty(), List.of(r.evidence()));
  }

  private static List<Fact> command(CollectContext ctx, ForkstateConfig.MetricCommandConfig c) {
    FactId base = FactIds.metric(c.name());
    Duration timeout = c.timeoutSeconds() == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(c.timeoutSeconds());
    // Its JSON is parsed (a coverage report can be megabytes), so stdout gets the machine-read cap.
    CommandResult r = ctx.runner().run(CommandSpec.shell(c.command(), ctx.repo(), Map.of(), timeout),
        CommandRunner.MACHINE_CAP_BYTES);
    List<ForkstateConfig.ThresholdConfig> thresholds = c.thresholds() == null ? List.of() : c.thresholds();
    JsonNode json = null;
    String why = null;
    if (r.timedOut()) {
      why = "the command timed out after " + timeout.toSeconds() + " s";
    } else if (!r.ok()) {
      why = "the command failed (exit " + r.exitCode() + "): " + r.firstErrorLine();
    } else if (!r.stdoutWhole()) {
      why = r.cutReason();
    } else {
      try {
        json = JSON.readTree(r.stdout());
        if (json == null || !json.isObject()) {
          why = "the command did not print a JSON object";
        }
      } catch (IOException e) {
        why = "the command's output is not JSON";
      }
    }
    List<Fact> out = new ArrayList<>();
    if (thresholds.isEmpty()) {
      out.add(why != null ? Fact.unknown(base, why, r.evidence())
          : Fact.of(base, Status.PASS, new Value.Text(json.toString()), "printed " + json.size() + " metric(s)",
              r.evidence()));
      return out;
    }
    for (ForkstateConfig.ThresholdConfig t : thresholds) {
      FactId id = FactIds.metric(c.name(), t.metric());
      if (why != null) {
        out.add(Fact.unknown(id, why, r.evidence()));
        continue;
      }
      Optional<Double> v = number(json, t.metric());
      if (v.isEmpty()) {
        out.add(Fact.unknown(id, Phrase.of("no number at ").then(Phrase.Kind.CODE, t.metric())
            .then(" in the command's JSON"), r.evidence()));
        continue;
      }
      out.add(measured(id, t, v.get(), json, r));
    }
    return out;
  }

  /** The metric and, for a parity threshold, the number it is compared with, when the JSON has one. */
  private static Fact measured(FactId id, ForkstateConfig.ThresholdConfig t, double v, JsonNode json,
      CommandResult r) {
    SortedMap<String, Double> numbers = new TreeMap<>(Map.of(t.metric(), v));
    if (t.relativeTo() != null) {
      number(json, t.relativeTo()).ifPresent(ref -> numbers.put(t.relativeTo(), ref));
    }
    return Fact.info(id, new Value.Numbers(numbers), Phrase.of(Phrase.Kind.CODE, t.metric())
        .then(" = " + Value.Numbers.show(v)), r.evidence());
  }

  static Optional<Double> number(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n != null && n.isNumber() ? Optional.of(n.asDouble()) : Optional.empty();
  }
}
