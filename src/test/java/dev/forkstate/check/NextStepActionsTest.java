package dev.forkstate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Now/Next/Later steps name the action, built from the facts' typed data, with the command that does it. */
class NextStepActionsTest {
  private static final Evidence EV = Evidence.ofCommand("git status");

  private static Finding finding(String id, Status status, FactId... basedOn) {
    return new Finding(id, id, id + "?", status, "reason", List.of(basedOn), true);
  }

  private static List<String> lines(List<Observation> os) {
    return os.stream().map(o -> o.kind() + " " + o.status() + " " + o.text().plain() + " | " + o.command()).toList();
  }

  private static Fact behind(long n) {
    return Fact.info(FactIds.UPSTREAM_BEHIND, new Value.Count(n), n + " commits behind", EV);
  }

  @Test
  void aWarningOnUpstreamDriftIsAMergeStepNamingTheConflictsTheJudgedPreviewFound() {
    Fact preview = new Fact(FactIds.UPSTREAM_MERGE_PREVIEW, Status.WARN, new Value.Items(List.of(
        Phrase.of(Phrase.Kind.PATH, "b.py").then(" (content; fork changed 3 lines)"),
        Phrase.of(Phrase.Kind.PATH, "a.py").then(" (content; fork changed 1 line)"))),
        Phrase.of("merging conflicts in 2 files"), Phrase.empty(), List.of(EV));
    FactSet facts = new FactSet(List.of(behind(119), preview));
    List<Observation> steps = NextSteps.of(facts,
        List.of(finding("upstream-merged", Status.WARN, FactIds.UPSTREAM_BEHIND)), "fork/stable", "upstream/main");
    // The preview is named by the merge step, so it is not a step of its own.
    assertThat(lines(steps)).containsExactly(
        "NEXT WARN merge upstream/main: 119 commits behind, 2 conflicts expected in a.py, b.py | git merge upstream/main");
    assertThat(steps.get(0).basedOn()).containsExactly(FactIds.UPSTREAM_BEHIND, FactIds.UPSTREAM_MERGE_PREVIEW);
  }

  /**
   * Drift that grew over the recorded runs, and upstream code taken in long ago, are why the merge is due: the merge
   * step says both from their typed values and names their facts, so they are not steps of their own.
   */
  @Test
  void growingDriftAndStaleUpstreamAreSaidByTheMergeStep() {
    Fact grew = new Fact(FactIds.HISTORY_BEHIND, Status.WARN, new Value.Series(List.of(100L, 140L, 160L)),
        Phrase.of("commits behind upstream, oldest to newest run: 100 → 140 → 160"), Phrase.empty(), List.of(EV));
    Fact rate = new Fact(FactIds.HISTORY_DRIFT_PER_WEEK, Status.WARN, new Value.Text("30.0"),
        Phrase.of("+30.0 commits behind upstream per week"), Phrase.empty(), List.of(EV));
    Fact stale = new Fact(FactIds.HISTORY_DAYS_SINCE_UPSTREAM, Status.WARN, new Value.Count(265),
        Phrase.of("265 days since upstream code last came in"), Phrase.empty(), List.of(EV));
    List<Observation> steps = NextSteps.of(new FactSet(List.of(behind(160), grew, rate, stale)),
        List.of(finding("upstream-merged", Status.WARN, FactIds.UPSTREAM_BEHIND)), null, "upstream/main");
    assertThat(lines(steps)).containsExactly("NEXT WARN merge upstream/main: 160 commits behind; behind grew 100 → "
        + "160 over the last 3 recorded runs; upstream code last came in 265 days ago | git merge upstream/main");
    assertThat(steps.get(0).basedOn()).contains(FactIds.HISTORY_BEHIND, FactIds.HISTORY_DRIFT_PER_WEEK,
        FactIds.HISTORY_DAYS_SINCE_UPSTREAM);
  }

  @Test
  void aCleanPreviewSaysNoConflictsAndAMeasuredPreviewListsAtMostThreeFiles() {
    Fact clean = new Fact(FactIds.UPSTREAM_MERGE_PREVIEW, Status.PASS, new Value.Items(List.of()),
        Phrase.of("merging is clean"), Phrase.empty(), List.of(EV));
    assertThat(lines(NextSteps.of(new FactSet(List.of(behind(2), clean)),
        List.of(finding("upstream-merged", Status.WARN, FactIds.UPSTREAM_BEHIND)), null, "upstream/main")))
        .containsExactly("NEXT WARN merge upstream/main: 2 commits behind, no conflicts expected | git merge upstream/main");

    Fact four = Fact.info(FactIds.UPSTREAM_MERGE_PREVIEW, new Value.Conflicts(List.of(
        new Value.Conflict("d.py", List.of(), 1), new Value.Conflict("a.py", List.of(), 1),
        new Value.Conflict("c.py", List.of(), 1), new Value.Conflict("b.py", List.of(), 1))),
        Phrase.of("merging conflicts in 4 files"), EV);
    assertThat(lines(NextSteps.of(new FactSet(List.of(behind(1), four)),
        List.of(finding("upstream-merged", Status.FAIL, FactIds.UPSTREAM_BEHIND)), null, "upstream/main")))
        .containsExactly("NOW FAIL merge upstream/main: 1 commit behind, 4 conflicts expected in a.py, b.py, c.py "
            + "and 1 more | git merge upstream/main");
  }

  @Test
  void theWrongBranchIsASwitchStepAndAPartlyCommittedSmokeFolderACommitStepListedOnce() {
    Fact branch = new Fact(FactIds.GIT_BRANCH_CURRENT, Status.FAIL, new Value.Text("main"),
        Phrase.of("on ").then(Phrase.Kind.BRANCH, "main"), Phrase.empty(), List.of(EV));
    FactId smokeRef = FactIds.ref("smoke", "tests/smoke");
    Fact smoke = new Fact(smokeRef, Status.WARN, new Value.Text("partly-committed"),
        Phrase.of(Phrase.Kind.PATH, "tests/smoke").then(" is committed, but 1 file under it is not"), Phrase.empty(),
        List.of(EV));
    List<Observation> steps = NextSteps.of(new FactSet(List.of(branch, smoke)),
        List.of(finding("smoke-paths-tracked", Status.FAIL, smokeRef)), "fork/stable", "upstream/main");
    // The WARN fact is the failing check's: one step in Now, none in Next.
    assertThat(lines(steps)).containsExactly(
        "NOW FAIL switch to the fork branch fork/stable (now on main) | git switch fork/stable",
        "NOW FAIL commit the smoke tests: tests/smoke is committed, but 1 file under it is not "
            + "| git add tests/smoke && git commit");
  }

  @Test
  void withoutAKnownActionTheStepStatesTheFactAsBefore() {
    Fact branch = new Fact(FactIds.GIT_BRANCH_CURRENT, Status.FAIL, new Value.Text("main"),
        Phrase.of("on ").then(Phrase.Kind.BRANCH, "main"), Phrase.empty(), List.of(EV));
    Fact missing = new Fact(FactIds.ref("smoke", "tests/gone"), Status.FAIL, new Value.Text("missing"),
        Phrase.of(Phrase.Kind.PATH, "tests/gone").then(" does not exist"), Phrase.empty(), List.of(EV));
    // No fork branch set: nothing to switch to. A missing path: nothing to commit. Upstream up to date: no merge.
    assertThat(lines(NextSteps.of(new FactSet(List.of(branch, missing, behind(0))),
        List.of(finding("upstream-merged", Status.WARN, FactIds.UPSTREAM_BEHIND)), null, "upstream/main")))
        .containsExactly("NOW FAIL git.branch.current on main | git status",
            "NOW FAIL ref.smoke.tests-gone tests/gone does not exist | git status",
            "NEXT WARN upstream-merged: reason | git status");
  }
}
