package dev.forkstate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.error.ExitCode;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Skip;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one rule: a required check passes with PASS or WARN, or SKIPPED only when the user asked for the skip. */
class RunVerdictTest {
  private static Finding finding(String id, Status s, Skip skip, String reason) {
    return new Finding(id, id, id + "?", s, reason, List.of(), true, skip);
  }

  private static Finding required(String id, Status s) {
    return finding(id, s, Skip.NONE, s == Status.PASS ? "" : "because " + s);
  }

  @Test
  void everyRequiredPassIsExitZero() {
    RunVerdict v = RunVerdict.of(List.of(required("a", Status.PASS), required("b", Status.PASS)));
    assertThat(v.passed()).isTrue();
    assertThat(v.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.sentence()).isEqualTo("passed: 2 of 2 required checks pass");
  }

  @Test
  void aWarnPassesButIsNamedInTheHeadlineAndTheLine() {
    RunVerdict v = RunVerdict.of(List.of(required("a", Status.PASS), required("upstream-merged", Status.WARN)));
    assertThat(v.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(v.status()).isEqualTo(Status.WARN);
    assertThat(v.sentence()).isEqualTo("passed: 1 of 2 required checks pass; with warnings: upstream-merged WARN");
    assertThat(v.line()).contains("upstream-merged WARN (because WARN)");
  }

  @Test
  void skippedForWantOfInputBlocksForEachReason() {
    for (String reason : List.of("no CI workflow configured or detected", "no smoke command detected",
        "no capabilities listed in forkstate.yml")) {
      RunVerdict v = RunVerdict.of(List.of(required("a", Status.PASS),
          finding("ci-workflow-wired", Status.SKIPPED, Skip.NO_INPUT, reason)));
      assertThat(v.exitCode()).as(reason).isEqualTo(ExitCode.CHECKS_NOT_PASSING);
      // Not passed never wears a WARN or PASS badge (a real fork showed "**WARN** Verdict: not passed").
      assertThat(v.status()).as(reason).isEqualTo(Status.UNKNOWN);
      assertThat(v.sentence()).isEqualTo("not passed: 1 of 2 required checks pass; blocking: ci-workflow-wired "
          + "SKIPPED");
      assertThat(v.line()).contains("ci-workflow-wired SKIPPED (" + reason + ")");
    }
  }

  @Test
  void aSkipTheUserAskedForPassesAndIsNamedAsNotVerified() {
    RunVerdict v = RunVerdict.of(List.of(required("a", Status.PASS),
        finding("ci-last-push-green", Status.SKIPPED, Skip.ASKED, "offline: GitHub Actions runs need the network")));
    assertThat(v.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(v.sentence()).isEqualTo("passed: 1 of 2 required checks pass; not verified (offline): "
        + "ci-last-push-green");
  }

  @Test
  void failAndUnknownBlockAndTheWorstIsTheBadge() {
    RunVerdict v = RunVerdict.of(List.of(required("a", Status.UNKNOWN), required("b", Status.FAIL),
        required("c", Status.WARN)));
    assertThat(v.exitCode()).isEqualTo(ExitCode.CHECKS_NOT_PASSING);
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.blocking()).extracting(Finding::checkId).containsExactly("a", "b");
    assertThat(v.sentence()).isEqualTo("not passed: 0 of 3 required checks pass; blocking: a UNKNOWN, b FAIL; "
        + "with warnings: c WARN");
  }

  @Test
  void checksThatAreNotRequiredNeverDecide() {
    Finding optional = new Finding("live-check-passes", "Live", "?", Status.FAIL, "down", List.of(), false);
    RunVerdict v = RunVerdict.of(List.of(required("a", Status.PASS), optional));
    assertThat(v.passed()).isTrue();
    assertThat(v.sentence()).doesNotContain("live-check-passes");
  }

  /**
   * Seeded property: whatever facts the checks see, a required check whose finding rests on an unmeasured input
   * (UNKNOWN, a skip nobody asked for, only INFO, or no fact at all) never lets the run pass.
   */
  @Test
  void noUnmeasuredInputEverMakesARequiredCheckPass() {
    List<String> ids = List.of("git.branch.current", "git.tags.at-head", "git.tags.nearest", "smoke.a", "smoke.b",
        "ref.smoke.t", "ref.config.c", "ci.run.last-push", "ci.run.python-job", "ci.workflow.file",
        "upstream.behind", "live.check", "git.worktree.dirty", "git.worktree.untracked", "happypath.flags",
        "capability.x");
    Status[] statuses = Status.values();
    Random random = new Random(20261130L);
    Evidence ev = Evidence.ofCommand("git status");
    for (int round = 0; round < 2000; round++) {
      List<Fact> fs = new ArrayList<>();
      for (String id : ids) {
        int pick = random.nextInt(statuses.length + 1);
        if (pick == statuses.length) {
          continue; // not measured at all
        }
        Status s = statuses[pick];
        Value value = id.equals("upstream.behind") ? new Value.Count(random.nextInt(3))
            : id.equals("git.tags.nearest") && random.nextBoolean() ? new Value.Text("v1") : Value.none();
        Skip skip = s == Status.SKIPPED && random.nextBoolean() ? Skip.ASKED : Skip.NO_INPUT;
        fs.add(new Fact(dev.forkstate.fact.FactId.of(id), s, value, id, "why", List.of(ev), skip));
      }
      FactSet set = new FactSet(fs);
      List<Finding> findings = Checks.evaluate(set, Checks.ids());
      RunVerdict v = RunVerdict.of(findings);
      for (Finding f : findings) {
        boolean unmeasured = f.basedOn().isEmpty() || f.basedOn().stream().allMatch(id -> set.get(id.value())
            .map(x -> x.status() == Status.UNKNOWN || (x.status() == Status.SKIPPED && x.skip() == Skip.NO_INPUT))
            .orElse(true));
        boolean anyUnknown = f.basedOn().stream().anyMatch(id -> set.get(id.value())
            .map(x -> x.status() == Status.UNKNOWN).orElse(true));
        if ((unmeasured || anyUnknown) && f.status() != Status.SKIPPED) {
          assertThat(f.status()).as(f.checkId() + " in round " + round).isNotIn(Status.PASS, Status.WARN);
        }
        if (f.status() == Status.SKIPPED && f.skip() != Skip.ASKED) {
          assertThat(v.passed()).as(f.checkId() + " skipped without asking, round " + round).isFalse();
        }
      }
      if (v.passed()) {
        assertThat(findings).allSatisfy(f -> assertThat(f.status()).isIn(Status.PASS, Status.WARN, Status.SKIPPED));
      }
    }
  }
}
