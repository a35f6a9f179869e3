package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The numbers a reader tracks over time: smoke pass rates, drift, unpushed work, timings, trends. */
final class MetricsAndSlis implements SectionWriter {
  /** History fact and its label, in the order the trends read best. */
  private static final List<Map.Entry<FactId, String>> TRENDS = List.of(
      Map.entry(FactIds.HISTORY_SMOKE_PASS_RATE, "Smokes over runs:"),
      Map.entry(FactIds.HISTORY_BEHIND, "Drift over runs:"),
      Map.entry(FactIds.HISTORY_DRIFT_PER_WEEK, "Drift rate:"),
      Map.entry(FactIds.HISTORY_DAYS_SINCE_UPSTREAM, "Upstream last taken in:"),
      Map.entry(FactIds.HISTORY_FLAKY, "Flaky smokes over runs:"),
      Map.entry(FactIds.HISTORY_RUNS, "History:"));

  private final FactSet facts;

  MetricsAndSlis(FactSet facts) {
    this.facts = facts;
  }

  @Override
  public String id() {
    return "metrics";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    for (Fact smoke : facts.withPrefix(FactIds.SMOKE_PREFIX)) {
      if (smoke.value() instanceof Value.Tests t) {
        int ran = t.total() - t.skipped();
        String rate = ran == 0 ? "n/a (no test ran)" : String.format(Locale.ROOT, "%.1f%%", 100.0 * t.passed() / ran);
        out.add(bullet(0, smoke.status(), "Smoke pass rate (" + smoke.id().value() + "): " + rate + " ("
            + t.passed() + "/" + ran + " run, " + t.skipped() + " skipped; target 100%)", smoke.command(),
            List.of(smoke.id())));
      } else {
        out.add(Bullets.fact(0, smoke, "Smoke pass rate (" + smoke.id().value() + "): not countable:"));
      }
    }
    count(out, FactIds.UPSTREAM_BEHIND, "Commits behind upstream:");
    count(out, FactIds.UPSTREAM_AHEAD, "Fork commits ahead of upstream:");
    facts.get(FactIds.UPSTREAM_FILES_MODIFIED).filter(f -> f.value() instanceof Value.Changes).ifPresent(f ->
        out.add(bullet(0, null, "Upstream files modified: " + ((Value.Changes) f.value()).files().size(),
            f.command(), List.of(FactIds.UPSTREAM_FILES_MODIFIED))));
    count(out, FactIds.GIT_TRACKING_AHEAD, "Unpushed commits:");
    for (Fact f : facts.withPrefix(FactIds.METRICS_PREFIX)) {
      out.add(Bullets.fact(0, f, FactIds.METRICS_IMPORT_PREFIX.matches(f.id()) ? "Import-time:" : "Metric:"));
    }
    for (Map.Entry<FactId, String> trend : TRENDS) {
      Bullets.addFact(out, facts, 0, trend.getKey(), trend.getValue());
    }
    facts.text(FactIds.HISTORY_CHART).ifPresent(file -> out.add(bullet(0, null,
        Phrase.of("Trend (green: smoke pass rate; orange: commits behind upstream): ").then(Phrase.Kind.IMAGE, file),
        "", List.of(FactIds.HISTORY_CHART))));
    return out;
  }

  /** A count as a bare number (no badge); anything else the fact measured, as its own line. */
  private void count(List<Line> out, FactId id, String label) {
    facts.get(id).ifPresent(f -> out.add(f.value() instanceof Value.Count c
        ? bullet(0, null, label + " " + c.n(), f.command(), List.of(f.id()))
        : Bullets.fact(0, f, label)));
  }
}
