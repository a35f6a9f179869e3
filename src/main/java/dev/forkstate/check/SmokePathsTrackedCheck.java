package dev.forkstate.check;

import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Are the smoke tests committed? */
public final class SmokePathsTrackedCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("smoke-paths-tracked", "Smoke tests committed", "Are the smoke tests committed?",
      "Smokes that pass on a laptop from an uncommitted folder prove nothing about the fork: CI and other clones lack them.",
      "git add <test path> && git commit");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    if (facts.withPrefix(FactIds.SMOKE_PREFIX).isEmpty() || facts.get(FactIds.SMOKE_NONE).isPresent()) {
      return new Verdict(Status.UNKNOWN, "no smoke command, so no test paths to check", List.of());
    }
    List<dev.forkstate.fact.Fact> refs = facts.withPrefix(FactIds.REF_SMOKE_PREFIX);
    if (refs.isEmpty()) {
      return new Verdict(Status.SKIPPED, "the smoke commands name no test paths", List.of());
    }
    Verdict v = FactJudgement.worstOf(refs, "");
    // An uncommitted or partly committed test folder is a "no" here: CI and other clones do not run those tests.
    return v.status() == Status.WARN ? new Verdict(Status.FAIL, v.reason(), v.basedOn()) : v;
  }
}
