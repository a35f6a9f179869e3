package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
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
    return id.value().startsWith("pr.");
  }

  @Override
  public Fact judge(Fact measured) {
    if (measured.status() != Status.INFO || !(measured.value() instanceof Value.Branch b)) {
      return measured;
    }
    String name = "`" + b.name() + "`";
    String up = "`" + b.upstream() + "`";
    if (b.patches() == 0) {
      return new Fact(measured.id(), Status.WARN, new Value.Paths(b.lines()), name + ": no commit ahead of " + up
          + ": nothing to propose; delete it", "", measured.evidence());
    }
    boolean landed = b.ownPatches() == 0;
    boolean conflicts = b.merge() == Value.Merge.CONFLICTS;
    boolean stale = !landed && b.lagDays() > STALE_DAYS;
    List<String> items = new ArrayList<>(b.lines());
    if (stale) {
      items.add("stale: its last commit is " + b.lagDays() + " days older than " + up);
    }
    Status status = landed ? Status.PASS : conflicts || stale ? Status.WARN
        : b.merge() == Value.Merge.UNKNOWN ? Status.UNKNOWN : Status.PASS;
    // An unknown merge is never summed up as "ready": that would be a green sentence on an unanswered question.
    String summary = name + ": " + (landed ? "landed upstream; delete the branch"
        : conflicts ? "conflicts with " + up + ": rebase it" : stale ? "stale: rebase or close it"
        : status == Status.UNKNOWN ? "merge into " + up + " not known" : "ready: merges cleanly into " + up);
    String reason = status != Status.UNKNOWN ? "" : b.mergeWhy().isBlank() ? "the merge into " + up
        + " could not be previewed" : b.mergeWhy();
    return new Fact(measured.id(), status, new Value.Paths(items), summary, reason, measured.evidence());
  }
}
