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
        new Value.Commits(List.of(new Value.Commit("abc", "fix it")), 7), Value.none());
    for (Value v : values) {
      assertThat(ValueJson.read(ValueJson.write(v))).isEqualTo(v);
    }
  }

  @Test
  void aTypeFromANewerVersionReadsAsNoValue() {
    assertThat(ValueJson.read(JsonNodeFactory.instance.objectNode().put("type", "histogram")))
        .isEqualTo(Value.none());
  }
}
