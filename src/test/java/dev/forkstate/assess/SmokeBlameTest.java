package dev.forkstate.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom the assessment blames for failing smokes, read from each smoke's typed merge-base comparison. */
class SmokeBlameTest {
  private static final String SHA = "abc1234def5678";

  private static Fact smoke(String name, Value.Baseline base, String... failing) {
    Value.Tests t = new Value.Tests(1, failing.length, 0, 0, java.util.Arrays.stream(failing)
        .map(id -> new Value.TestCase(id, "failed", "")).toList(), List.of("t::ok"), base);
    return new Fact(FactIds.smoke(name), Status.FAIL, t, "counts", "counts", List.of());
  }

  @Test
  void failuresUpstreamSharesAreNotBlamedOnTheFork() {
    Fact f = smoke("smokes", new Value.Baseline(SHA, List.of("t::a", "t::b", "t::c"), List.of(), List.of(), ""),
        "t::a", "t::b", "t::c");
    assertThat(SmokeBlame.sentence(List.of(f)).plain()).isEqualTo("Smokes fail: 3 failures also fail at the "
        + "merge-base abc1234 (upstream's code): not introduced by the fork.");
  }

  @Test
  void onlyTestsThatPassAtTheMergeBaseAreTheFork() {
    Fact f = smoke("smokes", new Value.Baseline(SHA, List.of("t::a"), List.of("t::b"), List.of("t::new"), ""),
        "t::a", "t::b", "t::new");
    assertThat(SmokeBlame.sentence(List.of(f)).plain()).isEqualTo("Smokes fail: 1 failing test passes at the "
        + "merge-base abc1234 (upstream's code): the fork broke it; 1 failure also fails at the merge-base abc1234 "
        + "(upstream's code): not introduced by the fork; 1 failure could not be compared: its test did not run at "
        + "the merge-base.");
  }

  @Test
  void aRunThatCouldNotBeComparedIsSaidSoNeverGuessed() {
    Fact f = smoke("unit", Value.Baseline.notCompared(SHA, "the run at the merge-base counted no tests"), "t::a");
    assertThat(SmokeBlame.sentence(List.of(f)).plain()).isEqualTo("Smokes fail: smoke unit could not be compared "
        + "with upstream's code: the run at the merge-base counted no tests.");
  }

  @Test
  void withoutAnyComparisonTheForksRoadIsBroken() {
    assertThat(SmokeBlame.sentence(List.of(smoke("smokes", null, "t::a"))).plain())
        .isEqualTo(SmokeBlame.UNCOMPARED);
  }

  @Test
  void aSmokeFailingWithoutTestsBesideAComparedOneIsNamedApart() {
    Fact compared = smoke("a", new Value.Baseline(SHA, List.of("t::a"), List.of(), List.of(), ""), "t::a");
    Fact timedOut = new Fact(FactIds.smoke("b"), Status.FAIL, Value.none(), "timed out after 60s",
        "timed out after 60s", List.of());
    assertThat(SmokeBlame.sentence(List.of(compared, timedOut)).plain()).isEqualTo("Smokes fail: 1 failure also "
        + "fails at the merge-base abc1234 (upstream's code): not introduced by the fork; smoke b fails and was not "
        + "compared with upstream's code (timed out after 60s).");
  }
}
