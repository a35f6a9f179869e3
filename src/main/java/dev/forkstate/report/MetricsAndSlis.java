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
    drift(out);
    facts.get(FactIds.UPSTREAM_FILES_MODIFIED).filter(f -> f.value() instanceof Value.Changes).ifPresent(f ->
        out.add(bullet(0, null, "Upstream files modified: " + ((Value.Changes) f.value()).files().size(),
            f.command(), List.of(FactIds.UPSTREAM_FILES_MODIFIED))));
    count(out, FactIds.GIT_TRACKING_AHEAD, "Unpushed commits:");
    for (Fact f : facts.withPrefix(FactIds.METRICS_PREFIX)) {
      out.add(Bullets.fact(0, f, FactIds.METRICS_IMPORT_PREFIX.matches(f.id()) ? "Import-time:" : "Metric:"));
    }
    trends(out);
    facts.text(FactIds.HISTORY_CHART).ifPresent(file -> out.add(bullet(0, null,
        Phrase.of("Trend (green: smoke pass rate; orange: commits behind upstream): ").then(Phrase.Kind.IMAGE, file),
        "", List.of(FactIds.HISTORY_CHART))));
    return out;
  }

  /**
   * Commits behind and ahead in one line when one command counts both (git rev-list --left-right --count), so the
   * command is shown once for the two numbers it prints.
   */
  private void drift(List<Line> out) {
    var behind = facts.get(FactIds.UPSTREAM_BEHIND);
    var ahead = facts.get(FactIds.UPSTREAM_AHEAD);
    if (behind.isPresent() && ahead.isPresent() && behind.get().value() instanceof Value.Count b
        && ahead.get().value() instanceof Value.Count a && behind.get().command().equals(ahead.get().command())) {
      out.add(bullet(0, null, "Commits behind upstream / fork commits ahead: " + b.n() + " / " + a.n(),
          behind.get().command(), List.of(FactIds.UPSTREAM_BEHIND, FactIds.UPSTREAM_AHEAD)));
      return;
    }
    count(out, FactIds.UPSTREAM_BEHIND, "Commits behind upstream:");
    count(out, FactIds.UPSTREAM_AHEAD, "Fork commits ahead of upstream:");
  }

  /**
   * The trends under one line whose command lists the runs they summarise (each run's smokes and commits behind
   * upstream), instead of the same history query under every trend.
   */
  private void trends(List<Line> out) {
    List<Fact> measured = TRENDS.stream().flatMap(t -> facts.get(t.getKey()).stream()).toList();
    if (measured.isEmpty()) {
      return;
    }
    out.add(bullet(0, null, "Over the recorded runs (each run's smokes and commits behind upstream):",
        measured.get(0).command(), measured.stream().map(Fact::id).toList()));
    for (Map.Entry<FactId, String> trend : TRENDS) {
      facts.get(trend.getKey()).ifPresent(f -> out.add(bullet(1, f.status(), Phrase.describing(trend.getValue(), f),
          "", List.of(f.id()))));
    }
  }

  /** A count as a bare number (no badge); anything else the fact measured, as its own line. */
  private void count(List<Line> out, FactId id, String label) {
    facts.get(id).ifPresent(f -> out.add(f.value() instanceof Value.Count c
        ? bullet(0, null, label + " " + c.n(), f.command(), List.of(f.id()))
        : Bullets.fact(0, f, label)));
  }
}
