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

    assertThat(summary.subList(1, summary.size())).containsExactly(
        "SKIPPED CI on the last push, CI workflow wired: 3 facts skipped (" + noCi.plain() + ") | ",
        "PASS Fork branch: on fork/stable | git branch --show-current",
        "UNKNOWN HAPPYPATH rules, Upstream merged: 2 facts not measured (" + noUpstream.plain() + ") | git remote",
        "SKIPPED Capabilities: no capabilities listed | ");
  }
}
