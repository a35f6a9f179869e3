package dev.forkstate.check;

import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Did CI run on the last push, and is the required Python job green? */
public final class CiLastPushGreenCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("ci-last-push-green", "CI on the last push", "Did CI run on the last push, and is the required Python job green?",
      "A report that says CI is green without looking is the failure forkstate exists to prevent.",
      "Open the workflow's runs: gh run list --workflow <file> --branch <fork branch>");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return FactJudgement.worstOf(facts.withPrefix("ci."), "no CI fact was measured");
  }
}
