package dev.forkstate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Skip;
import dev.forkstate.fact.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headline checks not answered for one shared cause are one summary bullet; different causes stay apart. */
class ExecutiveSummaryTest {
  private static Finding finding(String id, String label, Status status, Phrase reason, FactId... basedOn) {
    return new Finding(id, label, id + "?", status, reason, List.of(basedOn), true, Skip.NO_INPUT);
  }

  private static List<String> lines(List<Finding> findings, FactSet facts) {
    return new ExecutiveSummary(facts, findings, RunVerdict.of(findings), PreviousReport.none()).lines().stream()
        .map(l -> l instanceof Line.Bullet b ? b.status() + " " + b.text().plain() + " | " + b.command() : "")
        .filter(s -> !s.startsWith("null ")).toList();
  }

  @Test
  void checksSkippedOrUnknownForTheSameReasonShareOneBulletThatCountsTheirFacts() {
    Phrase noCi = Phrase.of("no CI workflow configured or detected: no workflow under .github/workflows");
    Phrase noUpstream = Phrase.of("no upstream ref: no remote named upstream");
    FactSet facts = new FactSet(List.of(
        Fact.unknown(FactIds.UPSTREAM_BEHIND, noUpstream, Evidence.ofCommand("git remote")),
        Fact.of(FactIds.GIT_BRANCH_CURRENT, Status.PASS, dev.forkstate.fact.Value.none(), "on fork/stable",
            Evidence.ofCommand("git branch --show-current"))));
    List<Finding> findings = List.of(
        finding("ci-last-push-green", "CI on the last push", Status.SKIPPED, noCi, FactIds.CI_RUN_LAST_PUSH),
        finding("ci-workflow-wired", "CI workflow wired", Status.SKIPPED, noCi, FactIds.CI_WORKFLOW_FILE,
            FactIds.CI_WORKFLOW_PYTHON),
        finding("fork-branch-checked-out", "Fork branch", Status.PASS, Phrase.of("on fork/stable"),
            FactIds.GIT_BRANCH_CURRENT),
        finding("happypath-aligned", "HAPPYPATH rules", Status.UNKNOWN, noUpstream, FactIds.UPSTREAM_BEHIND),
        finding("capabilities-verified", "Capabilities", Status.SKIPPED, Phrase.of("no capabilities listed")),
        finding("upstream-merged", "Upstream merged", Status.UNKNOWN, noUpstream, FactIds.UPSTREAM_BEHIND,
            FactIds.UPSTREAM_AHEAD));

    List<String> summary = lines(findings, facts);

    // What could not be told leads, then a passing check that is no headline number, folded (the "" is the fold).
    assertThat(summary.subList(1, summary.size())).containsExactly(
        "UNKNOWN HAPPYPATH rules, Upstream merged: 2 facts not measured (" + noUpstream.plain() + ") | git remote",
        "SKIPPED CI on the last push, CI workflow wired: 3 facts skipped (" + noCi.plain() + ") | ",
        "SKIPPED Capabilities: no capabilities listed | ",
        "",
        "PASS Fork branch: on fork/stable | git branch --show-current");
  }

  /**
   * The seed's report cited `command -v git pytest` (a passing rule's) under an UNKNOWN happy-path line: the bullet
   * cites its worst fact's command, and none when that fact has none; a shared-cause bullet counts only the facts of
   * its status (a passing fact was measured).
   */
  @Test
  void aBulletCitesTheCommandOfItsWorstFactAndCountsOnlyFactsOfItsStatus() {
    Phrase noUpstream = Phrase.of("no upstream ref");
    FactSet facts = new FactSet(List.of(
        Fact.of(FactIds.HAPPYPATH_COPY_PASTE, Status.PASS, dev.forkstate.fact.Value.none(), "commands found",
            Evidence.ofCommand("command -v git pytest")),
        Fact.unknown(FactIds.HAPPYPATH_FLAGS, noUpstream),
        Fact.unknown(FactIds.UPSTREAM_BEHIND, noUpstream),
        Fact.of(FactIds.SMOKE_PREFIX.value() + "s", Status.FAIL, dev.forkstate.fact.Value.none(), "1 failed",
            Evidence.ofCommand("pytest -q tests/smoke")),
        Fact.of(FactIds.GIT_BRANCH_CURRENT, Status.PASS, dev.forkstate.fact.Value.none(), "on main",
            Evidence.ofCommand("git branch --show-current"))));
    List<Finding> findings = List.of(
        finding("happypath-aligned", "HAPPYPATH rules", Status.UNKNOWN, noUpstream, FactIds.HAPPYPATH_COPY_PASTE,
            FactIds.HAPPYPATH_FLAGS),
        finding("upstream-merged", "Upstream merged", Status.UNKNOWN, noUpstream, FactIds.UPSTREAM_BEHIND),
        finding("smokes-pass", "Smokes", Status.FAIL, Phrase.of("1 failed"),
            dev.forkstate.fact.FactId.of(FactIds.SMOKE_PREFIX.value() + "s")));

    List<String> summary = lines(findings, facts);

    assertThat(summary.subList(1, summary.size())).containsExactly(
        "FAIL Smokes: 1 failed | pytest -q tests/smoke",
        "UNKNOWN HAPPYPATH rules, Upstream merged: 2 facts not measured (no upstream ref) | ");
    assertThat(lines(List.of(findings.get(0)), facts).get(1)).isEqualTo("UNKNOWN HAPPYPATH rules: no upstream ref | ");
  }
}
