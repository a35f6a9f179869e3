package dev.forkstate.collect;

import dev.forkstate.fact.Fact;
import java.util.List;

/**
 * Measures one area of the repository and returns facts. Expected failures (no upstream ref, a shallow clone, a
 * test command that is missing) become FAIL or UNKNOWN facts with the command and a hint; only bugs throw.
 */
public interface Collector {
  String name();

  List<Fact> collect(CollectContext ctx);
}
