package dev.forkstate.collect.smoke;

import dev.forkstate.collect.git.UnfinishedOperation;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.List;
import java.util.Optional;

/**
 * Smokes run on a tree with a merge (rebase, cherry-pick, revert) in progress tested neither the fork nor the
 * merge's result: a pass there is not the fork's pass. Such a smoke is UNKNOWN, named as run on a half-merged tree;
 * a failure stays a failure (it is still a failure of what was run), with the same note.
 */
final class HalfMergedTree {
  private HalfMergedTree() {}

  static List<Fact> mark(List<Fact> smokes, Optional<UnfinishedOperation> op) {
    if (op.isEmpty()) {
      return smokes;
    }
    String note = "ran on a half-merged tree (" + op.get().name() + "): finish or abort it, then rerun";
    return smokes.stream().map(f -> f.status() == Status.FAIL
        ? new Fact(f.id(), f.status(), f.value(), f.summaryPhrase(), f.reasonPhrase().then("; " + note),
            f.evidence())
        : new Fact(f.id(), Status.UNKNOWN, f.value(), f.summaryPhrase().then(" (" + note + ")"),
            Phrase.of(note), f.evidence())).toList();
  }
}
