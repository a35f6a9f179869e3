package dev.forkstate.check;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a branch prepared for an upstream pull request stands: all its patches upstream is PASS (delete it); no
 * commit of its own, a conflict with upstream, a last commit more than {@link #STALE_DAYS} days older than upstream's,
 * or a size beyond the bounds (pr_bounds: max_commits, max_files) is WARN; a merge that could not be previewed is
 * UNKNOWN. "ready" (PASS) only when it is surgical (within the bounds) and merges cleanly: a branch cut from the fork
 * branch, hundreds of commits ahead, merges cleanly and is still no pull request anyone can review.
 */
final class PrBranchPolicy implements Policy {
  /** A PR branch this many days behind upstream's last commit needs a rebase before anyone reviews it. */
  static final long STALE_DAYS = 30;

  private final Settings.PrBounds bounds;

  PrBranchPolicy(Settings.PrBounds bounds) {
    this.bounds = bounds;
  }

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
      return new Fact(measured.id(), Status.WARN, new Value.Items(b.lines()), name.then(": no commit of its own (0 "
          + "ahead of ").then(up).then("): nothing to propose; delete it"), Phrase.empty(), measured.evidence());
    }
    boolean landed = b.ownPatches() == 0;
    boolean conflicts = b.merge() == Value.Merge.CONFLICTS;
    boolean stale = !landed && b.lagDays() > STALE_DAYS;
    String tooBig = landed ? "" : oversize(b.size());
    List<Phrase> items = new ArrayList<>(b.lines());
    if (stale) {
      items.add(Phrase.of("stale: its last commit is " + b.lagDays() + " days older than ").then(up));
    }
    if (!tooBig.isEmpty()) {
      items.add(Phrase.of("not surgical: " + tooBig));
    }
    Status status = landed ? Status.PASS : conflicts || stale || !tooBig.isEmpty() ? Status.WARN
        : b.merge() == Value.Merge.UNKNOWN ? Status.UNKNOWN : Status.PASS;
    // An unknown merge is never summed up as "ready": that would be a green sentence on an unanswered question.
    Phrase summary = name.then(": ").then(landed ? Phrase.of("landed upstream; delete the branch")
        : !tooBig.isEmpty() ? Phrase.of("not ready: " + tooBig + "; split it into surgical branches cut from ")
            .then(up).then(conflicts ? Phrase.of("; it also conflicts with ").then(up) : Phrase.empty())
        : conflicts ? Phrase.of("conflicts with ").then(up).then(": rebase it")
        : stale ? Phrase.of("stale: rebase or close it")
        : status == Status.UNKNOWN ? Phrase.of("merge into ").then(up).then(" not known")
        : Phrase.of("ready: " + size(b.size()) + ", merges cleanly into ").then(up));
    Phrase reason = status != Status.UNKNOWN ? Phrase.empty() : b.mergeWhy().isBlank()
        ? Phrase.of("the merge into ").then(up).then(" could not be previewed") : Phrase.of(b.mergeWhy());
    return new Fact(measured.id(), status, new Value.Items(items), summary, reason, measured.evidence());
  }

  /** "258 commits ahead (pr_bounds.max_commits: 5), 1,204 files (pr_bounds.max_files: 10)", or empty when within. */
  private String oversize(Value.Size s) {
    List<String> over = new ArrayList<>();
    if (s.commits() > bounds.maxCommits()) {
      over.add(Noun.count(s.commits(), "commit") + " ahead (bound pr_bounds.max_commits: " + bounds.maxCommits() + ")");
    }
    if (s.files() > bounds.maxFiles()) {
      over.add(Noun.count(s.files(), "file") + " changed (bound pr_bounds.max_files: " + bounds.maxFiles() + ")");
    }
    return String.join(", ", over);
  }

  private static String size(Value.Size s) {
    return Noun.count(s.commits(), "commit") + ", " + Noun.count(s.files(), "file") + " (+" + s.added() + " -"
        + s.deleted() + ")";
  }
}
