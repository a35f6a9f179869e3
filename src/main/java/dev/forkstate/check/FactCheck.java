package dev.forkstate.check;

import dev.forkstate.fact.FactSet;

/**
 * A check that is exactly "the worst status of these facts": one fact by id, or every fact under a prefix. Most
 * checks are this; the ones with their own logic are classes of their own.
 */
record FactCheck(CheckInfo info, String idOrPrefix, boolean prefix, String whenNone) implements Check {
  static FactCheck single(CheckInfo info, String id) {
    return new FactCheck(info, id, false, "");
  }

  static FactCheck prefix(CheckInfo info, String prefix, String whenNone) {
    return new FactCheck(info, prefix, true, whenNone);
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return prefix ? FactJudgement.worstOf(facts.withPrefix(idOrPrefix), whenNone)
        : FactJudgement.single(facts, idOrPrefix);
  }
}
