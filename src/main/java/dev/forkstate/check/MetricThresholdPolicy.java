package dev.forkstate.check;

import static dev.forkstate.fact.Phrase.Kind.CODE;

import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The thresholds of metrics.commands: a number read from the command's JSON is bounded (min/max), or kept within a
 * percentage of another (parity: extracted.ttft_ms within 3% of legacy.ttft_ms). A number to compare with that is
 * missing or zero gives UNKNOWN, never PASS.
 */
final class MetricThresholdPolicy implements Policy {
  private final Map<FactId, ForkstateConfig.ThresholdConfig> byFact = new TreeMap<>();

  MetricThresholdPolicy(ForkstateConfig.MetricsConfig metrics) {
    List<ForkstateConfig.MetricCommandConfig> commands = metrics == null || metrics.commands() == null ? List.of()
        : metrics.commands();
    for (ForkstateConfig.MetricCommandConfig c : commands) {
      for (ForkstateConfig.ThresholdConfig t : c.thresholds() == null ? List.<ForkstateConfig.ThresholdConfig>of()
          : c.thresholds()) {
        // The same id the collector gives the measurement: metrics.<command>.<metric>.
        byFact.putIfAbsent(FactIds.metric(c.name(), t.metric()), t);
      }
    }
  }

  @Override
  public boolean covers(FactId id) {
    return byFact.containsKey(id);
  }

  @Override
  public Fact judge(Fact measured) {
    ForkstateConfig.ThresholdConfig t = byFact.get(measured.id());
    if (t == null || measured.status() != Status.INFO || !(measured.value() instanceof Value.Numbers n)) {
      return measured;
    }
    Optional<Double> v = Optional.ofNullable(n.byPath().get(t.metric()));
    if (v.isEmpty()) {
      return unknown(measured, Phrase.of("no number at ").then(CODE, t.metric()).then(" in the command's JSON"));
    }
    return t.relativeTo() != null ? relative(measured, t, v.get(), n) : bounded(measured, t, v.get());
  }

  private static Fact relative(Fact measured, ForkstateConfig.ThresholdConfig t, double v, Value.Numbers n) {
    Double ref = n.byPath().get(t.relativeTo());
    if (ref == null || ref == 0 || t.withinPct() == null) {
      return unknown(measured, ref == null || ref == 0
          ? Phrase.of("no non-zero number at ").then(CODE, t.relativeTo()).then(" to compare with")
          : Phrase.of("no within_pct for ").then(CODE, t.metric()).then(" relative to ").then(CODE, t.relativeTo()));
    }
    double pct = (v - ref) / Math.abs(ref) * 100;
    boolean ok = Math.abs(pct) <= t.withinPct();
    return new Fact(measured.id(), ok ? Status.PASS : Status.FAIL, new Value.Text(show(pct)), Phrase.of(CODE,
        t.metric()).then(" = " + show(v) + " vs ").then(CODE, t.relativeTo()).then(" = " + show(ref) + ": "
        + (pct > 0 ? "+" : "") + show(pct) + "% (limit ±" + show(t.withinPct()) + "%)"), Phrase.empty(),
        measured.evidence());
  }

  private static Fact bounded(Fact measured, ForkstateConfig.ThresholdConfig t, double v) {
    boolean ok = (t.min() == null || v >= t.min()) && (t.max() == null || v <= t.max());
    String bounds = (t.min() == null ? "" : "min " + show(t.min())) + (t.min() != null && t.max() != null ? ", " : "")
        + (t.max() == null ? "" : "max " + show(t.max()));
    return new Fact(measured.id(), ok ? Status.PASS : Status.FAIL, new Value.Text(show(v)), Phrase.of(CODE,
        t.metric()).then(" = " + show(v) + " (" + bounds + ")"), Phrase.empty(), measured.evidence());
  }

  private static Fact unknown(Fact measured, Phrase why) {
    return new Fact(measured.id(), Status.UNKNOWN, Value.none(), Phrase.empty(), why, measured.evidence());
  }

  private static String show(double d) {
    return Value.Numbers.show(d);
  }
}
