package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/** Each risk the facts trigger, with its mitigation. */
final class RisksAndMitigations implements SectionWriter {
  private final FactSet facts;
  private final Settings settings;

  RisksAndMitigations(FactSet facts, Settings settings) {
    this.facts = facts;
    this.settings = settings;
  }

  @Override
  public String id() {
    return "risks";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    facts.count("upstream.behind").filter(n -> n > 0).ifPresent(n -> out.add(bullet(0, Status.WARN,
        "Drift: " + Noun.count(n, "upstream commit") + " not merged. Mitigation: merge upstream in small steps, "
            + "then rerun the smokes", "git merge " + settings.upstreamRef().value(),
        List.of(FactId.of("upstream.behind")))));
    facts.get("upstream.files.modified").filter(f -> f.value() instanceof Value.Changes).ifPresent(m ->
        ComparisonVsUpstream.heaviest((Value.Changes) m.value()).stream().filter(f -> f.added() + f.deleted() > 0)
        .forEach(f -> out.add(bullet(0, Status.WARN, "Conflict risk in " + CodeSpan.of(f.path()) + " (+"
            + f.added() + " -" + f.deleted() + " fork lines in an upstream file). Mitigation: keep the edit behind a "
            + "seam, or upstream it", "git diff " + mergeBaseExpr() + " HEAD -- "
            + ShellQuote.quote(f.path()), List.of(FactId.of("upstream.files.modified"))))));
    int skipped = skippedTests(facts);
    if (skipped > 0) {
      out.add(bullet(0, Status.WARN, "Coverage: " + Noun.count(skipped, "smoke test") + " skipped. Mitigation: provide "
          + "what they need on CI (see the skip reasons in Validation Status)", "", smokeIds(facts)));
    }
    facts.withPrefix("ref.").stream().filter(f -> f.status() != Status.PASS).forEach(f ->
        out.add(Bullets.fact(0, f, "Cited path not committed:")));
    facts.get("git.shallow").filter(f -> f.status() == Status.WARN).ifPresent(f ->
        out.add(Bullets.fact(0, f, "History:")));
    facts.get("upstream.merge-preview").filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN)
        .ifPresent(f -> out.add(bullet(0, f.status(), "Merge conflicts ahead: " + f.summary() + ". Mitigation: "
            + "merge upstream now, in small steps, or move the fork's edits behind a seam", f.command(),
            List.of(f.id()))));
    facts.withPrefix("pr.").stream().filter(f -> f.status() == Status.WARN).forEach(f ->
        out.add(Bullets.fact(0, f, "PR branch:")));
    if (out.isEmpty()) {
      out.add(plain(0, "No rule-based risk is triggered by the measured facts."));
    }
    return out;
  }

  private String mergeBaseExpr() {
    return "$(git merge-base HEAD " + settings.upstreamRef().value() + ")";
  }

  static int skippedTests(FactSet facts) {
    return facts.withPrefix("smoke.").stream().filter(f -> f.value() instanceof Value.Tests)
        .mapToInt(f -> ((Value.Tests) f.value()).skipped()).sum();
  }

  static List<FactId> smokeIds(FactSet facts) {
    return facts.withPrefix("smoke.").stream().map(Fact::id).toList();
  }
}
