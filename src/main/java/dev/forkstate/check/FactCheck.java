package dev.forkstate.check;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactPrefix;
import dev.forkstate.fact.FactSet;

/**
 * A check that is exactly "the worst status of these facts": one fact by id, or every fact under a prefix. Most
 * checks are this; the ones with their own logic are classes of their own. Exactly one of id and prefix is set.
 */
record FactCheck(CheckInfo info, FactId id, FactPrefix prefix, String whenNone) implements Check {
  static FactCheck single(CheckInfo info, FactId id) {
    return new FactCheck(info, id, null, "");
  }

  static FactCheck prefix(CheckInfo info, FactPrefix prefix, String whenNone) {
    return new FactCheck(info, null, prefix, whenNone);
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return prefix != null ? FactJudgement.worstOf(facts.withPrefix(prefix), whenNone)
        : FactJudgement.single(facts, id);
  }
}
