package dev.forkstate.check;

import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Is the fork branch checked out? */
public final class ForkBranchCheckedOutCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("fork-branch-checked-out", "Fork branch", "Is the fork branch checked out?",
      "Every other fact describes the checked-out commit; on the wrong branch they describe the wrong thing.",
      "git switch <fork branch>");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return FactJudgement.single(facts, "git.branch.current");
  }
}
