package dev.forkstate.check;

import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Does the fork include every upstream commit? */
public final class UpstreamMergedCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("upstream-merged", "Upstream merged", "Does the fork include every upstream commit?",
      "Each upstream commit not merged is drift: a later merge gets harder and fixes are missing.",
      "git fetch upstream && git merge <upstream ref>");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return FactJudgement.single(facts, "upstream.behind");
  }
}
