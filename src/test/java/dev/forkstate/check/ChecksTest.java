package dev.forkstate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Checks as pure tables: facts in, status out. Every UNKNOWN or missing input must stay UNKNOWN, never PASS. */
class ChecksTest {
  private static final Evidence EV = Evidence.ofCommand("git status");

  private static Fact fact(FactId id, Status s) {
    return s == Status.UNKNOWN || s == Status.SKIPPED
        ? new Fact(id, s, Value.none(), "", "because", List.of(EV))
        : Fact.of(id, s, Value.none(), id + " " + s, EV);
  }

  private static Fact nearestTag(String tag) {
    return Fact.info(FactIds.GIT_TAGS_NEAREST, new Value.Text(tag), "nearest tag " + tag, EV);
  }

  private static Fact upstreamBase(String tag) {
    return Fact.info(FactIds.GIT_TAGS_UPSTREAM_BASE, new Value.Text(tag), "upstream base " + tag, EV);
  }

  private static Fact behind(long n) {
    return Fact.info(FactIds.UPSTREAM_BEHIND, new Value.Count(n), n + " commits behind", EV);
  }

  private static FactSet facts(Fact... fs) {
    return new FactSet(List.of(fs));
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(Checks.SMOKES_PASS, facts(), Status.UNKNOWN),
        Arguments.of(Checks.SMOKES_PASS, facts(fact(FactIds.smoke("a"), Status.PASS)), Status.PASS),
        Arguments.of(Checks.SMOKES_PASS, facts(fact(FactIds.smoke("a"), Status.PASS), fact(FactIds.smoke("b"), Status.UNKNOWN)),
            Status.UNKNOWN),
        Arguments.of(Checks.SMOKES_PASS, facts(fact(FactIds.smoke("a"), Status.FAIL), fact(FactIds.smoke("b"), Status.UNKNOWN)),
            Status.FAIL),
        Arguments.of(Checks.SMOKES_PASS, facts(fact(FactIds.smoke("a"), Status.WARN)), Status.WARN),
        Arguments.of(Checks.FORK_BRANCH_CHECKED_OUT, facts(), Status.UNKNOWN),
        Arguments.of(Checks.FORK_BRANCH_CHECKED_OUT, facts(fact(FactIds.GIT_BRANCH_CURRENT, Status.PASS)), Status.PASS),
        Arguments.of(Checks.FORK_BRANCH_CHECKED_OUT, facts(fact(FactIds.GIT_BRANCH_CURRENT, Status.UNKNOWN)),
            Status.UNKNOWN),
        Arguments.of(new TagPresentCheck(), facts(), Status.UNKNOWN),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.PASS), nearestTag("v1")),
            Status.PASS),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.WARN), nearestTag("v1")),
            Status.WARN),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.WARN),
            fact(FactIds.GIT_TAGS_NEAREST, Status.INFO)), Status.FAIL),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.UNKNOWN), nearestTag("v1")),
            Status.UNKNOWN),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.WARN),
            fact(FactIds.GIT_TAGS_NEAREST, Status.UNKNOWN)), Status.UNKNOWN),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.WARN),
            fact(FactIds.GIT_TAGS_NEAREST, Status.INFO), upstreamBase("v1")), Status.FAIL),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.PASS),
            fact(FactIds.GIT_TAGS_NEAREST, Status.INFO), upstreamBase("v1")), Status.PASS),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.WARN), nearestTag("v1-fork.1"),
            upstreamBase("v1")), Status.WARN),
        Arguments.of(new TagPresentCheck(), facts(fact(FactIds.GIT_TAGS_AT_HEAD, Status.WARN),
            fact(FactIds.GIT_TAGS_NEAREST, Status.UNKNOWN), upstreamBase("v1")), Status.UNKNOWN),
        Arguments.of(new SmokePathsTrackedCheck(), facts(), Status.UNKNOWN),
        Arguments.of(new SmokePathsTrackedCheck(), facts(fact(FactIds.SMOKE_NONE, Status.UNKNOWN)), Status.UNKNOWN),
        Arguments.of(new SmokePathsTrackedCheck(), facts(fact(FactIds.smoke("a"), Status.PASS),
            fact(FactIds.ref("smoke", "tests"), Status.WARN)), Status.FAIL),
        Arguments.of(new SmokePathsTrackedCheck(), facts(fact(FactIds.smoke("a"), Status.PASS),
            fact(FactIds.ref("smoke", "tests"), Status.PASS)), Status.PASS),
        Arguments.of(new SmokePathsTrackedCheck(), facts(fact(FactIds.smoke("a"), Status.PASS)), Status.SKIPPED),
        Arguments.of(new ReferencesExistCheck(), facts(), Status.SKIPPED),
        Arguments.of(new ReferencesExistCheck(), facts(fact(FactIds.ref("config", "x"), Status.FAIL),
            fact(FactIds.ref("guide", "y"), Status.PASS)), Status.FAIL),
        Arguments.of(Checks.CI_LAST_PUSH_GREEN, facts(), Status.UNKNOWN),
        Arguments.of(Checks.CI_LAST_PUSH_GREEN, facts(fact(FactIds.CI_RUN_LAST_PUSH, Status.SKIPPED),
            fact(FactIds.CI_RUN_PYTHON_JOB, Status.UNKNOWN)), Status.UNKNOWN),
        Arguments.of(Checks.UPSTREAM_MERGED, facts(behind(2)), Status.WARN),
        Arguments.of(Checks.UPSTREAM_MERGED, facts(behind(0)), Status.PASS),
        Arguments.of(Checks.UPSTREAM_MERGED, facts(fact(FactIds.UPSTREAM_BEHIND, Status.UNKNOWN)), Status.UNKNOWN),
        Arguments.of(Checks.UPSTREAM_MERGED, facts(), Status.UNKNOWN),
        // Measurements alone judge nothing: a check fed only INFO facts is UNKNOWN, never PASS.
        Arguments.of(Checks.SMOKES_PASS, facts(fact(FactIds.smoke("a"), Status.INFO)), Status.UNKNOWN),
        Arguments.of(Checks.HAPPYPATH_ALIGNED, facts(fact(FactId.of("happypath.a"), Status.INFO)), Status.UNKNOWN),
        Arguments.of(Checks.SMOKES_PASS, facts(fact(FactIds.smoke("a"), Status.INFO), fact(FactIds.smoke("b"), Status.PASS)),
            Status.PASS),
        Arguments.of(Checks.LIVE_CHECK_PASSES, facts(fact(FactIds.LIVE_CHECK, Status.SKIPPED)), Status.SKIPPED),
        Arguments.of(Checks.WORKTREE_CLEAN, facts(fact(FactIds.GIT_WORKTREE_DIRTY, Status.PASS),
            fact(FactIds.GIT_WORKTREE_UNTRACKED, Status.WARN)), Status.WARN));
  }

  @ParameterizedTest
  @MethodSource("table")
  void verdicts(Check check, FactSet input, Status expected) {
    assertThat(check.evaluate(input).status()).isEqualTo(expected);
  }

  /** Whatever the mix, a check never says PASS when any input fact it used is UNKNOWN. */
  @Test
  void unknownInputNeverBecomesPass() {
    List<FactId> ids = List.of(FactIds.GIT_BRANCH_CURRENT, FactIds.GIT_TAGS_AT_HEAD, FactIds.GIT_TAGS_NEAREST,
        FactIds.smoke("a"), FactIds.ref("smoke", "t"), FactIds.ref("config", "c"), FactIds.CI_RUN_LAST_PUSH,
        FactIds.CI_RUN_PYTHON_JOB, FactIds.UPSTREAM_BEHIND, FactIds.LIVE_CHECK, FactIds.GIT_WORKTREE_DIRTY,
        FactIds.GIT_WORKTREE_UNTRACKED);
    for (int mask = 0; mask < (1 << ids.size()); mask += 7) {
      List<Fact> fs = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        fs.add(fact(ids.get(i), (mask & (1 << i)) != 0 ? Status.UNKNOWN : Status.PASS));
      }
      FactSet set = new FactSet(fs);
      for (Check c : Checks.all()) {
        Check.Verdict v = c.evaluate(set);
        boolean usesUnknown = v.basedOn().stream()
            .anyMatch(id -> set.get(id.value()).map(f -> f.status() == Status.UNKNOWN).orElse(true));
        if (usesUnknown) {
          assertThat(v.status()).as(c.info().id() + " with mask " + mask).isNotEqualTo(Status.PASS);
        }
      }
    }
  }

  @Test
  void registryIsSortedAndFindingsCarryRequired() {
    assertThat(Checks.ids()).isSorted().doesNotHaveDuplicates();
    List<Finding> fs = Checks.evaluate(facts(), List.of("smokes-pass"));
    assertThat(fs).extracting(Finding::checkId).isSorted();
    assertThat(fs).filteredOn(Finding::required).extracting(Finding::checkId).containsExactly("smokes-pass");
  }
}
