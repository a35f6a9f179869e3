package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a branch prepared for an upstream pull request stands: all its patches upstream is PASS (delete it); no
 * patch at all, a conflict with upstream, or a last commit more than {@link #STALE_DAYS} days older than upstream's
 * is WARN; a merge that could not be previewed is UNKNOWN; a clean merge is PASS (ready).
 */
final class PrBranchPolicy implements Policy {
  /** A PR branch this many days behind upstream's last commit needs a rebase before anyone reviews it. */
  static final long STALE_DAYS = 30;

  @Override
  public boolean covers(FactId id) {
    // pr.<branch>.pull and pr.branches share the prefix; only a Branch measurement is judged.
    return FactIds.PR_PREFIX.matches(id);
  }

  @Override
  public Fact judge(Fact measured) {
    if (measured.status() != Status.INFO || !(measured.value() instanceof Value.Branch b)) {
      return measured;
    }
    Phrase name = Phrase.of(Phrase.Kind.BRANCH, b.name());
    Phrase up = Phrase.of(Phrase.Kind.REF, b.upstream());
    if (b.patches() == 0) {
      return new Fact(measured.id(), Status.WARN, new Value.Items(b.lines()), name.then(": no commit ahead of ")
          .then(up).then(": nothing to propose; delete it"), Phrase.empty(), measured.evidence());
    }
    boolean landed = b.ownPatches() == 0;
    boolean conflicts = b.merge() == Value.Merge.CONFLICTS;
    boolean stale = !landed && b.lagDays() > STALE_DAYS;
    List<Phrase> items = new ArrayList<>(b.lines());
    if (stale) {
      items.add(Phrase.of("stale: its last commit is " + b.lagDays() + " days older than ").then(up));
    }
    Status status = landed ? Status.PASS : conflicts || stale ? Status.WARN
        : b.merge() == Value.Merge.UNKNOWN ? Status.UNKNOWN : Status.PASS;
    // An unknown merge is never summed up as "ready": that would be a green sentence on an unanswered question.
    Phrase summary = name.then(": ").then(landed ? Phrase.of("landed upstream; delete the branch")
        : conflicts ? Phrase.of("conflicts with ").then(up).then(": rebase it")
        : stale ? Phrase.of("stale: rebase or close it")
        : status == Status.UNKNOWN ? Phrase.of("merge into ").then(up).then(" not known")
        : Phrase.of("ready: merges cleanly into ").then(up));
    Phrase reason = status != Status.UNKNOWN ? Phrase.empty() : b.mergeWhy().isBlank()
        ? Phrase.of("the merge into ").then(up).then(" could not be previewed") : Phrase.of(b.mergeWhy());
    return new Fact(measured.id(), status, new Value.Items(items), summary, reason, measured.evidence());
  }
}
