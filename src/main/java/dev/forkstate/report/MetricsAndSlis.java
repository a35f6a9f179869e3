package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The numbers a reader tracks over time: smoke pass rates, drift, unpushed work, timings, trends. */
final class MetricsAndSlis implements SectionWriter {
  /** History fact and its label, in the order the trends read best. */
  private static final List<List<String>> TRENDS = List.of(List.of("history.smoke-pass-rate", "Smokes over runs:"),
      List.of("history.behind", "Drift over runs:"), List.of("history.drift-per-week", "Drift rate:"),
      List.of("history.days-since-upstream", "Upstream last taken in:"),
      List.of("history.flaky", "Flaky smokes over runs:"), List.of("history.runs", "History:"));

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
    for (Fact smoke : facts.withPrefix("smoke.")) {
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
    count(out, "upstream.behind", "Commits behind upstream:");
    count(out, "upstream.ahead", "Fork commits ahead of upstream:");
    facts.get("upstream.files.modified").filter(f -> f.value() instanceof Value.Changes).ifPresent(f ->
        out.add(bullet(0, null, "Upstream files modified: " + ((Value.Changes) f.value()).files().size(),
            f.command(), List.of(FactId.of("upstream.files.modified")))));
    count(out, "git.tracking.ahead", "Unpushed commits:");
    for (Fact f : facts.withPrefix("metrics.")) {
      out.add(Bullets.fact(0, f, f.id().value().startsWith("metrics.import.") ? "Import-time:" : "Metric:"));
    }
    for (List<String> trend : TRENDS) {
      Bullets.addFact(out, facts, 0, trend.get(0), trend.get(1));
    }
    facts.text("history.chart").ifPresent(file -> out.add(bullet(0, null, "Trend (green: smoke pass rate; orange: "
        + "commits behind upstream): ![trend chart](<" + file + ">)", "", List.of(FactId.of("history.chart")))));
    return out;
  }

  /** A count as a bare number (no badge); anything else the fact measured, as its own line. */
  private void count(List<Line> out, String id, String label) {
    facts.get(id).ifPresent(f -> out.add(f.value() instanceof Value.Count c
        ? bullet(0, null, label + " " + c.n(), f.command(), List.of(f.id()))
        : Bullets.fact(0, f, label)));
  }
}
