package dev.forkstate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.render.MarkdownText;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Changes since the last report name new flags and what happened to each failing test; the carried items stay
 * bounded on a big fork.
 */
class FactChangesTest {
  private static Fact flags(Status s, String... items) {
    return Fact.of("happypath.flags", s, new Value.Paths(List.of(items)), items.length + " new flags",
        Evidence.ofCommand("git diff"));
  }

  /** The changes as the report shows them. */
  private static List<String> markdown(List<Phrase> changes) {
    return changes.stream().map(MarkdownText::of).toList();
  }

  @Test
  void aNewFlagIsNamed() {
    FactDigest before = FactDigest.of(List.of(flags(Status.FAIL, "env var `A` read in `x.py`")));
    FactDigest now = FactDigest.of(List.of(flags(Status.FAIL, "env var `A` read in `x.py`",
        "env var `B` read in `y.py`")));
    assertThat(markdown(FactChanges.between(before, now))).containsExactly("new flag: env var `B` read in `y.py`");
  }

  @Test
  void carriedItemsAreCappedButTheCountIsExact() {
    String[] many = IntStream.range(0, 500).mapToObj(i -> String.format("m%03d.py", i)).toArray(String[]::new);
    FactDigest.Entry e = FactDigest.of(List.of(Fact.of("python.added-modules", Status.PASS,
        new Value.Paths(List.of(many)), "500 modules", Evidence.ofCommand("git diff")))).facts()
        .get("python.added-modules");
    assertThat(e.value()).isEqualTo("500");
    assertThat(e.items()).hasSize(FactDigest.MAX_ITEMS);
  }

  private static Fact smokes(Status s, Value v) {
    return Fact.of("smoke.smokes", s, v, "", Evidence.ofCommand("pytest"));
  }

  private static Value.TestCase failed(String id) {
    return new Value.TestCase(id, "failed", "AssertionError");
  }

  /** The previous report's facts line is text; this run's facts are typed: each way a test can change. */
  @Test
  void fixedOnlyWhenTheTestRanAndPassed() {
    FactDigest before = FactDigest.fromCommentJson(FactDigest.of(List.of(smokes(Status.FAIL, new Value.Tests(1, 3,
        0, 0, List.of(failed("t::b"), failed("t::c"), failed("t::d")), List.of("t::a"))))).toCommentJson())
        .orElseThrow();
    FactDigest now = FactDigest.of(List.of(smokes(Status.FAIL, new Value.Tests(1, 1, 0, 1, List.of(failed("t::a"),
        new Value.TestCase("t::c", "skipped", "no GPU")), List.of("t::b")))));
    assertThat(markdown(FactChanges.between(before, now))).containsExactly("newly failing: `t::a`", "fixed: `t::b`",
        "now skipped: `t::c`", "no longer run: `t::d`");
  }

  @Test
  void aSmokeThatGaveNoOutcomesSaysItByItsStatusNotTestByTest() {
    FactDigest before = FactDigest.of(List.of(smokes(Status.FAIL, new Value.Tests(0, 1, 0, 0,
        List.of(failed("t::a"))))));
    FactDigest now = FactDigest.of(List.of(Fact.unknown("smoke.smokes", "pytest crashed")));
    assertThat(markdown(FactChanges.between(before, now))).containsExactly("`smoke.smokes`: FAIL → UNKNOWN");
  }

  @Test
  void aLongTagListCutByTheFactsLineIsNotReadAsNewTags() {
    String[] tags = IntStream.range(0, 30).mapToObj(i -> String.format("v%02d", i)).toArray(String[]::new);
    Fact atHead = Fact.of("git.tags.at-head", Status.INFO, new Value.Paths(List.of(tags)), "",
        Evidence.ofCommand("git tag --points-at HEAD"));
    FactDigest before = FactDigest.fromCommentJson(FactDigest.of(List.of(atHead)).toCommentJson()).orElseThrow();
    assertThat(FactChanges.between(before, FactDigest.of(List.of(atHead)))).isEmpty();
  }
}
