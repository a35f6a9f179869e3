package dev.forkstate.collect;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import java.util.List;

/**
 * Measures one area of the repository and returns facts. Expected failures (no upstream ref, a shallow clone, a
 * test command that is missing) become FAIL or UNKNOWN facts with the command and a hint; only bugs throw.
 */
public interface Collector {
  String name();

  /**
   * The fact ids that stand for this collector when it throws: each becomes UNKNOWN with the reason, so every check
   * that reads this collector's facts answers UNKNOWN instead of the whole run ending. Ids under a prefix that a
   * check reads (smoke., ref.smoke.) make that check UNKNOWN too.
   */
  List<String> failureIds();

  /** Failure ids as the text {@link #failureIds()} returns: Strings while collect/ci still spells its ids. */
  static List<String> ids(List<FactId> ids) {
    return ids.stream().map(FactId::value).toList();
  }

  List<Fact> collect(CollectContext ctx);
}
