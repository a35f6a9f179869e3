package dev.forkstate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.render.MarkdownText;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Changes since the last report name new flags and what happened to each failing test; the carried items stay
 * bounded on a big fork.
 */
class FactChangesTest {
  private static Fact flags(Status s, String... names) {
    List<Phrase> items = Stream.of(names).map(n -> Phrase.of("env var ").then(Phrase.Kind.NAME, n)
        .then(" read in ").then(Phrase.Kind.PATH, n.toLowerCase(java.util.Locale.ROOT) + ".py")).toList();
    return Fact.of(FactIds.HAPPYPATH_FLAGS, s, new Value.Items(items), names.length + " new flags",
        Evidence.ofCommand("git diff"));
  }

  /** The changes as the report shows them. */
  private static List<String> markdown(List<Phrase> changes) {
    return changes.stream().map(MarkdownText::of).toList();
  }

  @Test
  void aNewFlagIsNamed() {
    FactDigest before = FactDigest.of(List.of(flags(Status.FAIL, "A")));
    FactDigest now = FactDigest.of(List.of(flags(Status.FAIL, "A", "B")));
    assertThat(markdown(FactChanges.between(before, now))).containsExactly("new flag: env var `B` read in `b.py`");
    // Read back from this version's facts line the items are plain text; the new one still shows its items.
    FactDigest line = FactDigest.fromCommentJson(before.toCommentJson()).orElseThrow();
    assertThat(line.entry(FactIds.HAPPYPATH_FLAGS).items()).containsExactly("env var A read in a.py");
    assertThat(markdown(FactChanges.between(line, now))).containsExactly("new flag: env var `B` read in `b.py`");
  }

  /** A credential is its own fact: a new one is named as a credential, never as a new flag. */
  @Test
  void aNewCredentialIsNotANewFlag() {
    Phrase key = Phrase.of("env var ").then(Phrase.Kind.NAME, "OPENAI_API_KEY").then(" read in ")
        .then(Phrase.Kind.PATH, "app.py").then(": its value is handed on, never compared");
    Fact none = Fact.of(FactIds.PYTHON_CREDENTIALS, Status.INFO, new Value.Items(List.of()), "no new credentials",
        Evidence.ofCommand("git diff"));
    Fact one = Fact.of(FactIds.PYTHON_CREDENTIALS, Status.INFO, new Value.Items(List.of(key)), "1 new credential",
        Evidence.ofCommand("git diff"));
    FactDigest before = FactDigest.of(List.of(flags(Status.FAIL, "A"), none));
    FactDigest now = FactDigest.of(List.of(flags(Status.FAIL, "A"), one));
    assertThat(markdown(FactChanges.between(before, now))).containsExactly("new credential (not a flag): env var "
        + "`OPENAI_API_KEY` read in `app.py`: its value is handed on, never compared");
    FactDigest line = FactDigest.fromCommentJson(before.toCommentJson()).orElseThrow();
    assertThat(markdown(FactChanges.between(line, now))).noneMatch(l -> l.startsWith("new flag"));
  }

  /**
   * A report written before facts were typed carried its items as Markdown. Read as plain text, an unchanged fact
   * is unchanged: no item reads as new, and `forkstate check` sees the same statuses.
   */
  @Test
  void anOldFactsLineWithMarkdownItemsComparesEqualForUnchangedFacts() {
    String oldLine = "{\"capability.extras\":{\"s\":\"PASS\",\"v\":\"2\",\"i\":[\"path `minillm/extras/cache.py`\","
        + "\"test `tests/smoke/test_extras.py::test_x`\"]},\"happypath.flags\":{\"s\":\"FAIL\",\"v\":\"1\","
        + "\"i\":[\"env var `A` read in `a.py`\"]},\"upstream.patches.fork-only\":{\"s\":\"INFO\",\"v\":\"1\","
        + "\"i\":[\"`(root)`: 1 commit\"]},\"git.tags.at-head\":{\"s\":\"PASS\",\"v\":\"1\",\"i\":[\"v1\"]}}";
    FactDigest old = FactDigest.fromCommentJson(oldLine).orElseThrow();
    assertThat(old.facts().get("capability.extras").items()).containsExactly("path minillm/extras/cache.py",
        "test tests/smoke/test_extras.py::test_x");
    assertThat(old.entry(FactIds.UPSTREAM_PATCHES_FORK_ONLY).items()).containsExactly("(root): 1 commit");
    Fact capability = Fact.of("capability.extras", Status.PASS, new Value.Items(List.of(
        Phrase.of("path ").then(Phrase.Kind.PATH, "minillm/extras/cache.py"),
        Phrase.of("test ").then(Phrase.Kind.TEST_ID, "tests/smoke/test_extras.py::test_x"))), "VERIFIED extras",
        Evidence.ofCommand("git ls-tree"));
    Fact areas = Fact.info(FactIds.UPSTREAM_PATCHES_FORK_ONLY, new Value.Items(List.of(Phrase.of(Phrase.Kind.PATH, "(root)")
        .then(": 1 commit"))), "1 of 1 fork commits", Evidence.ofCommand("git cherry"));
    Fact tags = Fact.of(FactIds.GIT_TAGS_AT_HEAD, Status.PASS, new Value.Paths(List.of("v1")), "tags at HEAD: v1",
        Evidence.ofCommand("git tag --points-at HEAD"));
    FactDigest now = FactDigest.of(List.of(capability, flags(Status.FAIL, "A"), areas, tags));
    for (String id : now.facts().keySet()) {
      assertThat(now.facts().get(id).items()).as(id).isEqualTo(old.facts().get(id).items());
      assertThat(now.facts().get(id).sameStatus(old.facts().get(id))).as(id).isTrue();
    }
    assertThat(FactChanges.between(old, now)).isEmpty();
  }

  @Test
  void carriedItemsAreCappedButTheCountIsExact() {
    String[] many = IntStream.range(0, 500).mapToObj(i -> String.format("m%03d.py", i)).toArray(String[]::new);
    FactDigest.Entry e = FactDigest.of(List.of(Fact.of(FactIds.PYTHON_ADDED_MODULES, Status.PASS,
        new Value.Paths(List.of(many)), "500 modules", Evidence.ofCommand("git diff"))))
        .entry(FactIds.PYTHON_ADDED_MODULES);
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
    Fact atHead = Fact.of(FactIds.GIT_TAGS_AT_HEAD, Status.INFO, new Value.Paths(List.of(tags)), "",
        Evidence.ofCommand("git tag --points-at HEAD"));
    FactDigest before = FactDigest.fromCommentJson(FactDigest.of(List.of(atHead)).toCommentJson()).orElseThrow();
    assertThat(FactChanges.between(before, FactDigest.of(List.of(atHead)))).isEmpty();
  }
}
