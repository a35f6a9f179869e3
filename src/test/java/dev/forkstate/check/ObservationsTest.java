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

/** The advantage, gap, risk and next-step rules as pure functions: facts and findings in, observations out. */
class ObservationsTest {
  private static final Evidence EV = Evidence.ofCommand("git status");

  private static Finding finding(String id, Status status, String reason, String... basedOn) {
    return new Finding(id, id, id + "?", status, reason, List.of(basedOn).stream().map(FactId::of).toList(), true);
  }

  private static Fact smokes(int passed, int skipped) {
    return Fact.of("smoke.smokes", Status.PASS, new Value.Tests(passed, 0, 0, skipped, List.of(), List.of()),
        passed + " passed", Evidence.ofCommand("pytest -q"));
  }

  private static Fact modified(Value.FileChange... files) {
    return Fact.info(FactIds.UPSTREAM_FILES_MODIFIED, new Value.Changes(List.of(files)), files.length + " modified",
        Evidence.ofCommand("git diff --numstat"));
  }

  private static String plain(Phrase p) {
    return p.plain();
  }

  private static List<String> texts(List<Observation> os) {
    return os.stream().map(o -> o.kind() + " " + o.status() + " " + plain(o.text())).toList();
  }

  @Test
  void aPassingSmokeCheckIsAnAdvantageWithTheSmokesCommand() {
    FactSet facts = new FactSet(List.of(smokes(3, 0)));
    List<Observation> adv = Advantages.of(facts, List.of(finding("smokes-pass", Status.PASS, "3 passed",
        "smoke.smokes")));
    assertThat(texts(adv)).containsExactly("ADVANTAGE PASS Smoke suite green: 3 passed");
    assertThat(adv.get(0).command()).isEqualTo("pytest -q");
    assertThat(Advantages.of(facts, List.of(finding("smokes-pass", Status.WARN, "flaky", "smoke.smokes"))))
        .isEmpty();
  }

  /** New files are an advantage only when they are the fork's main footprint, never beside more edited files. */
  @Test
  void newFilesAreAnAdvantageOnlyWhenTheyOutnumberTheEditedOnes() {
    Fact added = Fact.info(FactIds.UPSTREAM_FILES_ADDED, new Value.Changes(List.of(
        new Value.FileChange("secrets.txt", 1, 0, false), new Value.FileChange("run.py", 9, 0, false))), "2 added",
        Evidence.ofCommand("git diff --numstat --diff-filter=A"));
    Fact threeEdited = modified(new Value.FileChange("a.py", 1, 0, false), new Value.FileChange("b.py", 1, 0, false),
        new Value.FileChange("c.py", 1, 0, false));
    assertThat(texts(Advantages.of(new FactSet(List.of(added, threeEdited)), List.of())))
        .noneMatch(s -> s.contains("Fork code kept in"));
    assertThat(texts(Advantages.of(new FactSet(List.of(added, modified(new Value.FileChange("a.py", 1, 0, false)))),
        List.of()))).containsExactly("ADVANTAGE PASS Fork code kept in 2 new files (+10 lines) rather than in "
        + "upstream files");
  }

  @Test
  void upstreamFilesTheForkEditsAreAGapAndOneConflictRiskNamingEach() {
    FactSet facts = new FactSet(List.of(modified(new Value.FileChange("pkg/core.py", 8, 1, false),
        new Value.FileChange("it's odd.py", 1, 0, false))));
    assertThat(texts(Gaps.of(facts, List.of()))).containsExactly(
        "GAP WARN 2 upstream files with fork edits (+9 -1 lines): each is a merge-conflict site",
        "GAP UNKNOWN Performance vs upstream: not measured; no speed claim is supported");
    List<Observation> risks = Risks.of(facts, "upstream/main");
    assertThat(texts(risks)).containsExactly("RISK WARN Conflict risk in 2 upstream files with fork edits: "
        + "pkg/core.py (+8 -1), it's odd.py (+1 -0). Mitigation: keep each edit behind a seam, or upstream it");
    assertThat(risks.get(0).text().parts().get(1)).isEqualTo(new Phrase.Code(Phrase.Kind.PATH, "pkg/core.py"));
    // The command prints the same counts for the same files, heaviest first as the bullet names them.
    assertThat(risks).extracting(Observation::command).containsExactly(
        "git diff --numstat $(git merge-base HEAD upstream/main) HEAD -- pkg/core.py 'it'\\''s odd.py'");
  }

  @Test
  void aForkEditingManyUpstreamFilesNamesTheFiveHeaviestInOneRisk() {
    List<Value.FileChange> files = new java.util.ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      files.add(new Value.FileChange("m" + i + ".py", i, 0, false));
    }
    List<Observation> risks = Risks.of(new FactSet(List.of(modified(files.toArray(Value.FileChange[]::new)))),
        "upstream/main");
    assertThat(texts(risks)).containsExactly("RISK WARN Conflict risk in the 5 upstream files with the most fork "
        + "edits (of 7): m7.py (+7 -0), m6.py (+6 -0), m5.py (+5 -0), m4.py (+4 -0), m3.py (+3 -0). Mitigation: keep "
        + "each edit behind a seam, or upstream it");
    assertThat(risks.get(0).command()).endsWith("HEAD -- m7.py m6.py m5.py m4.py m3.py");
  }

  @Test
  void skippedSmokeTestsAreAGapAndACoverageRisk() {
    FactSet facts = new FactSet(List.of(smokes(2, 1)));
    assertThat(texts(Gaps.of(facts, List.of()))).startsWith("GAP WARN 1 smoke test skipped: a skipped test proves "
        + "nothing");
    assertThat(texts(Risks.of(facts, "upstream/main"))).containsExactly("RISK WARN Coverage: 1 smoke test skipped. "
        + "Mitigation: provide what they need on CI (see the skip reasons in Validation Status)");
  }

  @Test
  void everyUnknownFactIsAGapNamedByItsId() {
    FactSet facts = new FactSet(List.of(Fact.unknown(FactIds.UPSTREAM_AHEAD, "no upstream ref"),
        Fact.unknown(FactIds.UPSTREAM_BEHIND, "no upstream ref")));
    Observation last = Gaps.of(facts, List.of()).get(1);
    assertThat(last.text().parts()).containsExactly(new Phrase.Words("Not measured: "),
        new Phrase.Code(Phrase.Kind.CODE, "upstream.ahead"), new Phrase.Words(", "),
        new Phrase.Code(Phrase.Kind.CODE, "upstream.behind"));
    assertThat(last.basedOn()).extracting(FactId::value).containsExactly("upstream.ahead", "upstream.behind");
  }

  @Test
  void nextStepsGroupFactsThatShareAProblem() {
    FactSet facts = new FactSet(List.of(Fact.unknown(FactIds.UPSTREAM_AHEAD, "no upstream ref"),
        Fact.unknown(FactIds.UPSTREAM_BEHIND, "no upstream ref"), Fact.of(FactIds.GIT_BRANCH_CURRENT, Status.FAIL,
            new Value.Text("main"), "on main", EV), Fact.skipped(FactIds.LIVE_CHECK, "no live check configured")));
    assertThat(texts(NextSteps.of(facts, List.of()))).containsExactly(
        "NOW FAIL git.branch.current on main",
        "NEXT UNKNOWN upstream.ahead, upstream.behind no upstream ref",
        "LATER SKIPPED live.check no live check configured");
  }

  @Test
  void aFactIsDescribedByLabelSummaryAndReason() {
    Fact noSummary = Fact.unknown(FactIds.UPSTREAM_BEHIND, "no upstream ref");
    assertThat(Phrase.describing("", noSummary).parts()).containsExactly(
        new Phrase.Code(Phrase.Kind.CODE, "upstream.behind"), new Phrase.Words(": no upstream ref"));
    assertThat(plain(Phrase.describing("Drift:", noSummary))).isEqualTo("Drift: no upstream ref");
    Fact both = Fact.of(FactIds.GIT_TAGS_AT_HEAD, Status.WARN, Value.none(), "no tag", EV).withReason("untagged");
    assertThat(plain(Phrase.describing("", both))).isEqualTo("no tag — untagged");
    assertThat(plain(Phrase.describing("Tag:", Fact.of("x.y", Status.WARN, Value.none(), "", EV))))
        .isEqualTo("Tag:");
  }

  @Test
  void aFailingCheckWithNoFailingFactIsInNowAfterTheFailingFacts() {
    FactSet facts = new FactSet(List.of(Fact.of(FactIds.GIT_TAGS_AT_HEAD, Status.WARN, new Value.Count(0),
        "no tag points at HEAD", Evidence.ofCommand("git tag --points-at HEAD")), Fact.info(FactIds.GIT_TAGS_NEAREST,
        Value.none(), "", EV).withReason("no tag reachable"), Fact.of(FactIds.GIT_BRANCH_CURRENT, Status.FAIL,
        new Value.Text("main"), "on main", EV)));
    List<Finding> findings = List.of(
        finding("fork-branch-checked-out", Status.FAIL, "on main", "git.branch.current"),
        finding("tag-present", Status.FAIL, "no tag at all is reachable from HEAD", "git.tags.at-head",
            "git.tags.nearest"),
        finding("worktree-clean", Status.WARN, "dirty"));
    List<Observation> now = NextSteps.of(facts, findings).stream().filter(o -> o.kind() == Observation.Kind.NOW)
        .toList();
    assertThat(texts(now)).containsExactly("NOW FAIL git.branch.current on main",
        "NOW FAIL tag-present: no tag at all is reachable from HEAD");
    assertThat(now.get(1).command()).isEqualTo("git tag --points-at HEAD");
    assertThat(now.get(1).basedOn()).extracting(FactId::value).containsExactly("git.tags.at-head",
        "git.tags.nearest");
  }
}
