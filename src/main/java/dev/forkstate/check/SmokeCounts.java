package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Value;
import java.util.List;

/** The smoke facts as the gap and risk rules both read them: how many tests were skipped, and which facts say so. */
final class SmokeCounts {
  private SmokeCounts() {}

  static int skipped(FactSet facts) {
    return facts.withPrefix(FactIds.SMOKE_PREFIX).stream().filter(f -> f.value() instanceof Value.Tests)
        .mapToInt(f -> ((Value.Tests) f.value()).skipped()).sum();
  }

  static List<FactId> ids(FactSet facts) {
    return facts.withPrefix(FactIds.SMOKE_PREFIX).stream().map(Fact::id).toList();
  }
}
