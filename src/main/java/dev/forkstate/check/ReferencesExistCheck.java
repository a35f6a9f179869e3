package dev.forkstate.check;

import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Is every path the report cites committed? */
public final class ReferencesExistCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("references-exist", "Cited paths", "Is every path the report cites committed?",
      "Reports that cite files that do not exist, or exist only on one laptop, mislead every reader.",
      "Commit the path (git add <path> && git commit), or stop citing it");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    List<dev.forkstate.fact.Fact> refs = facts.withPrefix(FactIds.REF_PREFIX);
    if (refs.isEmpty()) {
      return new Verdict(Status.SKIPPED, "no paths cited", List.of());
    }
    return FactJudgement.worstOf(refs, "");
  }
}
