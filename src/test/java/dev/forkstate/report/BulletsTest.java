package dev.forkstate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulletsTest {
  @Test
  void aCutListSaysHowManyMoreAndWhereTheJsonHoldsThemAll() {
    List<String> modules = IntStream.range(0, 15).mapToObj(i -> "pkg/m" + i + ".py").toList();
    Fact f = Fact.info(FactIds.PYTHON_ADDED_MODULES, new Value.Paths(modules), "15 Python modules",
        Evidence.ofCommand("git diff --name-only"));
    List<Line> lines = Bullets.items(f, 1, Bullets.MAX_ITEMS);

    assertThat(lines).hasSize(Bullets.MAX_ITEMS + 1);
    Line.Bullet last = (Line.Bullet) lines.get(lines.size() - 1);
    assertThat(last.text().plain()).isEqualTo(
        "… and 3 more (JSON: .facts[] | select(.id == \"python.added-modules\") | .value.paths)");
    assertThat(last.depth()).isEqualTo(1);
  }

  @Test
  void aWholeListHasNoMoreLine() {
    Fact f = Fact.info(FactIds.PYTHON_ADDED_MODULES, new Value.Paths(List.of("a.py", "b.py")), "2 Python modules",
        Evidence.ofCommand("git diff --name-only"));
    assertThat(Bullets.items(f, 1, Bullets.MAX_ITEMS)).hasSize(2);
  }
}
