package dev.forkstate.collect;

import dev.forkstate.fact.Fact;
import java.util.List;

/**
 * Facts forkstate does not measure yet (HAPPYPATH rules, capabilities). They are UNKNOWN with the reason,
 * so the report names the gap instead of inventing content or implying green.
 */
public final class PendingCollector implements Collector {
  public static final String NOT_YET = "not checked yet";

  @Override
  public String name() {
    return "pending";
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    return List.of(
        Fact.unknown("happypath.rules", NOT_YET + ": this version does not check the HAPPYPATH rules"),
        Fact.unknown("capabilities.verified", NOT_YET + ": this version does not verify capability claims"));
  }
}
