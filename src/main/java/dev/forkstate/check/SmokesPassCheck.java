package dev.forkstate.check;

import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Do the smoke tests pass? */
public final class SmokesPassCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("smokes-pass", "Smokes", "Do the smoke tests pass?",
      "The smokes are the fork's promise that its paved road works; a false green here is the worst bug.",
      "Run the smoke command shown and fix the first failure");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return FactJudgement.worstOf(facts.withPrefix("smoke."), "no smoke fact was measured");
  }
}
