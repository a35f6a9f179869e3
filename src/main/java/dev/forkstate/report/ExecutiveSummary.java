package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;

/** The verdict, every headline check's answer, and what changed since the last report. */
final class ExecutiveSummary implements SectionWriter {
  /** The checks the summary names, in the order a reader asks about them (not id order). */
  private static final List<String> HEADLINE_CHECKS = List.of("ci-last-push-green", "ci-workflow-wired",
      "fork-branch-checked-out", "tag-present", "smokes-pass", "smoke-paths-tracked", "happypath-aligned",
      "capabilities-verified", "upstream-merged", "worktree-clean");

  private final FactSet facts;
  private final List<Finding> findings;
  private final RunVerdict verdict;
  private final PreviousReport previous;

  ExecutiveSummary(FactSet facts, List<Finding> findings, RunVerdict verdict, PreviousReport previous) {
    this.facts = facts;
    this.findings = findings;
    this.verdict = verdict;
    this.previous = previous;
  }

  @Override
  public String id() {
    return "executive-summary";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    // The headline is the verdict's own sentence, so it cannot disagree with the exit code or the stderr line.
    out.add(bullet(0, verdict.status(), "Verdict: " + verdict.sentence(), "", List.of()));
    for (String id : HEADLINE_CHECKS) {
      findings.stream().filter(f -> f.checkId().equals(id)).findFirst().ifPresent(f -> out.add(bullet(0,
          f.status(), Phrase.of(f.label() + ": ").then(f.reason()), facts.firstCommand(f.basedOn()), f.basedOn())));
    }
    changesSinceLastReport(out);
    return out;
  }

  private void changesSinceLastReport(List<Line> out) {
    if (previous.facts().isEmpty()) {
      out.add(plain(0, "Changes since the last report: " + (previous.existed()
          ? "none can be named: the previous report carries no forkstate facts" : "none: this is the first report")));
      return;
    }
    List<Phrase> changes = FactChanges.between(previous.facts().get(), FactDigest.of(facts.all()));
    out.add(plain(0, "Changes since the last report:" + (changes.isEmpty() ? " none" : "")));
    changes.forEach(c -> out.add(plain(1, c)));
  }
}
