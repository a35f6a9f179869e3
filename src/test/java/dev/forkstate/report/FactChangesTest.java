package dev.forkstate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Changes since the last report name new flags; the carried items stay bounded on a big fork. */
class FactChangesTest {
  private static Fact flags(Status s, String... items) {
    return Fact.of("happypath.flags", s, new Value.Paths(List.of(items)), items.length + " new flags",
        Evidence.ofCommand("git diff"));
  }

  @Test
  void aNewFlagIsNamed() {
    FactDigest before = FactDigest.of(List.of(flags(Status.FAIL, "env var `A` read in `x.py`")));
    FactDigest now = FactDigest.of(List.of(flags(Status.FAIL, "env var `A` read in `x.py`",
        "env var `B` read in `y.py`")));
    assertThat(FactChanges.between(before, now)).containsExactly("new flag: env var `B` read in `y.py`");
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
}
