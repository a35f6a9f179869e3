package dev.forkstate.check;

import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Does the optional live check pass? */
public final class LiveCheckPassesCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("live-check-passes", "Live check", "Does the optional live check pass?",
      "Smokes are offline by design; the live check is the only proof that real providers answer.",
      "Set the keys it needs and run it: see live_check in forkstate.yml");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return FactJudgement.single(facts, "live.check");
  }
}
