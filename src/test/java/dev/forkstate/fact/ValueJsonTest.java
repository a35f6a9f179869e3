package dev.forkstate.fact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every value reads back as it was written: history depends on it. */
class ValueJsonTest {
  @Test
  void everyShapeRoundTrips() {
    List<Value> values = List.of(new Value.Text("main"), new Value.Count(-3), new Value.Flag(true),
        new Value.Paths(List.of("b.py", "a.py")),
        new Value.Changes(List.of(new Value.FileChange("x.py", 3, 1, false), new Value.FileChange("y.bin", 0, 0, true))),
        new Value.Tests(2, 1, 1, 1, List.of(new Value.TestCase("t::b", "failed", "assert 1 == 2"),
            new Value.TestCase("t::c", "error", "boom"), new Value.TestCase("t::d", "skipped", "")),
            List.of("t::a", "t::e")),
        new Value.Tests(0, 2, 0, 0, List.of(new Value.TestCase("t::b", "failed", ""), new Value.TestCase("t::c",
            "failed", "")), List.of(), new Value.Baseline("abc", List.of("t::b"), List.of("t::c"), List.of(), "")),
        new Value.Tests(0, 1, 0, 0, List.of(new Value.TestCase("t::b", "failed", "")), List.of(),
            Value.Baseline.notCompared("abc", "git worktree add failed")),
        new Value.Commits(List.of(new Value.Commit("abc", "fix it")), 7), Value.none(),
        new Value.Items(List.of(Phrase.of(Phrase.Kind.PATH, "(root)").then(": 1 commit"),
            Phrase.of("test ").then(Phrase.Kind.TEST_ID, "t.py::x").then(": not run by the smokes"))),
        new Value.Items(List.of()));
    for (Value v : values) {
      assertThat(ValueJson.read(ValueJson.write(v))).isEqualTo(v);
    }
  }

  /** A list of statements is still a "paths" list of plain text for a reader that knows only that, plus items. */
  @Test
  void itemsKeepAPlainPathsListBesideTheirParts() {
    var n = ValueJson.write(new Value.Items(List.of(Phrase.of("env ").then(Phrase.Kind.NAME, "ACME_MODE"))));
    assertThat(n.toString()).isEqualTo("{\"type\":\"paths\",\"paths\":[\"env ACME_MODE\"],\"items\":[{\"text\":"
        + "\"env ACME_MODE\",\"parts\":[{\"words\":\"env \"},{\"name\":\"ACME_MODE\"}]}]}");
    assertThat(PhraseJson.key(Phrase.Kind.TEST_ID)).isEqualTo("testId");
    assertThat(PhraseJson.read(PhraseJson.parts(Phrase.of(Phrase.Kind.TEST_ID, "t::x"))))
        .isEqualTo(Phrase.of(Phrase.Kind.TEST_ID, "t::x"));
  }

  /** Lists recorded before items were typed held Markdown; they read as phrases, each code span an item. */
  @Test
  void anOldMarkdownListReadsAsItems() {
    assertThat(LegacyMarkdown.value(new Value.Paths(List.of("`(root)`: 1 commit", "`` a`b ``: x"))))
        .isEqualTo(new Value.Items(List.of(Phrase.of(Phrase.Kind.CODE, "(root)").then(": 1 commit"),
            Phrase.of(Phrase.Kind.CODE, "a`b").then(": x"))));
    assertThat(LegacyMarkdown.value(new Value.Paths(List.of("tests/smoke/")))).isEqualTo(
        new Value.Paths(List.of("tests/smoke/")));
    assertThat(LegacyMarkdown.plain("path `x.py` is not committed")).isEqualTo("path x.py is not committed");
  }

  @Test
  void aTypeFromANewerVersionReadsAsNoValue() {
    assertThat(ValueJson.read(JsonNodeFactory.instance.objectNode().put("type", "histogram")))
        .isEqualTo(Value.none());
  }
}
