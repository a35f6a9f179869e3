package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.Optional;

/**
 * Does the fork include every upstream commit? The collector only counts (INFO); the policy lives here: none behind
 * is PASS, any behind is WARN (drift, not breakage), a count that could not be taken is UNKNOWN. None behind with a
 * fork-side merge reverted whole is WARN: git counts its commits merged, the tree does not hold them.
 */
public final class UpstreamMergedCheck implements Check {
  static final FactId FACT = FactIds.UPSTREAM_BEHIND;
  private static final CheckInfo INFO = new CheckInfo("upstream-merged", "Upstream merged",
      "Does the fork include every upstream commit?",
      "Each upstream commit not merged is drift: a later merge gets harder and fixes are missing.",
      "git fetch upstream && git merge <upstream ref>");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    Optional<Fact> behind = facts.get(FACT);
    if (behind.isEmpty()) {
      return new Verdict(Status.UNKNOWN, "fact " + FACT + " was not measured", List.of());
    }
    Fact f = behind.get();
    // Only a plain measurement is judged here; a fact that is itself UNKNOWN, SKIPPED or FAIL speaks for itself.
    if (f.status() != Status.INFO || !(f.value() instanceof Value.Count c)) {
      return FactJudgement.worstOf(List.of(f), FACT + " holds no count");
    }
    // Merged by ancestry is not merged in content when a fork commit reverted the merge whole: then not a PASS.
    Optional<Fact> reverted = facts.get(FactIds.UPSTREAM_REVERTED_MERGES)
        .filter(r -> r.value() instanceof Value.Items items && !items.items().isEmpty());
    if (c.n() == 0 && reverted.isPresent()) {
      // The reverts themselves (which commit undid which merge) are what the reader acts on: named here.
      List<dev.forkstate.fact.Phrase> reverts = ((Value.Items) reverted.get().value()).items();
      return new Verdict(Status.WARN, f.summaryPhrase().then(" by ancestry, but ").then(dev.forkstate.fact.Phrase
          .join(reverts, "; ")).then(" (revert the revert to take it in)"), List.of(f.id(), reverted.get().id()));
    }
    return new Verdict(c.n() == 0 ? Status.PASS : Status.WARN, f.summaryPhrase(), List.of(f.id()));
  }
}
