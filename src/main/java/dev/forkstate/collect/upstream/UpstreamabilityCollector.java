package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.Phrase.Kind.REF;
import static dev.forkstate.fact.Phrase.Kind.SHA;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What of the fork is already upstream and what a merge would do: patch equivalence of every fork commit (as
 * `git cherry` computes it), a merge preview of upstream into the fork (`git merge-tree`, nothing touched), the
 * last time upstream was merged in, and how old the merge-base is next to HEAD. All of it is measurement: how
 * risky a conflict is (the fork's line count in the file) is judged in the check package (MergeConflictPolicy).
 */
public final class UpstreamabilityCollector implements Collector {
  static final List<FactId> IDS = List.of(FactIds.UPSTREAM_LAST_MERGE, FactIds.UPSTREAM_MERGE_BASE_AGE,
      FactIds.UPSTREAM_MERGE_PREVIEW, FactIds.UPSTREAM_PATCHES_FORK_ONLY, FactIds.UPSTREAM_PATCHES_UPSTREAMED,
      FactIds.UPSTREAM_PATCHES_SUPERSEDED);
  private static final long DAY = 86_400;

  @Override
  public String name() {
    return "upstreamability";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(IDS);
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    if (!ctx.settings().upstreamRef().isSet()) {
      return unknown(ctx.noUpstreamRef());
    }
    String upstream = ctx.settings().upstreamRef().value();
    GitCli git = ctx.git();
    // Only the merge-base's date and the conflicts' line counts need the merge-base: every other command starts at
    // once, beside it, on the pool (the runner bounds how many processes run). The merge preview is the longest
    // chain (git version, merge-tree, then the fork's lines in the conflicted files): merge-tree starts with the
    // version check and is used only when the version supports it (an older git rejects the option, and nothing
    // else changes). The patch facts wait for git cherry.
    var previewRun = CompletableFuture.supplyAsync(() -> MergePreview.of(git, "HEAD", upstream, true), ctx.pool());
    var supportedF = CompletableFuture.supplyAsync(() -> supportsMergeTree(git), ctx.pool());
    var cherryF = CompletableFuture.supplyAsync(() -> git.run(List.of("cherry", upstream, "HEAD"),
        "git cherry -v " + ShellQuote.quote(upstream) + " HEAD"), ctx.pool());
    var logF = CompletableFuture.supplyAsync(() -> git.run(List.of("log", "--no-merges", "--no-renames",
        "--format=@%H %h %s", "--name-only", upstream + "..HEAD"), null), ctx.pool());
    var forkLogF = CompletableFuture.supplyAsync(() -> Supersession.forkLog(git, upstream), ctx.pool());
    // How many fork commits are merges: git cherry leaves them out, and the counts say so.
    var mergeCountF = CompletableFuture.supplyAsync(() -> git.run("rev-list", "--count", "--merges",
        upstream + "..HEAD"), ctx.pool());
    var mergesF = CompletableFuture.supplyAsync(() -> git.run(List.of("log", "--merges", "--format=%H %cs %P",
        upstream + "..HEAD"), "git log --merges --format='%h %cs %p' " + ShellQuote.quote(upstream) + "..HEAD"),
        ctx.pool());
    CommandResult mb = ctx.mergeBase(upstream);
    if (!mb.ok() || !mb.stdoutWhole()) {
      // What was started is read-only; it ends before this collector does, so no command outlives its phase.
      CompletableFuture.allOf(previewRun, supportedF, cherryF, logF, forkLogF, mergeCountF, mergesF)
          .handle((v, e) -> v).join();
      return unknown(Phrase.of("no merge-base with ").then(REF, upstream).then(": " + mb.firstErrorLine()),
          mb.evidence());
    }
    String base = GitCli.firstLine(mb);
    var previewF = supportedF.thenCompose(ok -> ok ? previewRun
            : previewRun.handle((unused, e) -> MergePreview.of(git, "HEAD", upstream, false)))
        .thenApplyAsync(p -> preview(ctx, p, base, upstream), ctx.pool());
    var datesF = CompletableFuture.supplyAsync(() -> git.run(List.of("log", "--no-walk=unsorted", "--format=%ct %cs",
        "HEAD", base), "git log --no-walk=unsorted --format='%ct %cs' HEAD $(git merge-base HEAD "
        + ShellQuote.quote(upstream) + ")"), ctx.pool());

    List<Fact> facts = new ArrayList<>();
    facts.addAll(PatchFacts.of(git, ctx.pool(), base, upstream, cherryF.join(), logF.join(), mergeCountF.join(),
        forkLogF));
    facts.add(previewF.join());
    CommandResult dates = datesF.join();
    List<String> dateLines = GitCli.lines(dates);
    String baseDate = dateLines.isEmpty() ? "" : dateLines.get(dateLines.size() - 1).replaceAll("^\\S+ ", "");
    facts.add(lastMerge(git, mergesF.join(), upstream, baseDate));
    facts.add(baseAge(dates, base));
    return facts;
  }

  static boolean supportsMergeTree(GitCli git) {
    return supportsMergeTree(GitCli.firstLine(git.run("version")));
  }

  /** "git version 2.39.5" (or "2.45.1.windows.1"): merge-tree --write-tree came with git 2.38. */
  static boolean supportsMergeTree(String versionLine) {
    String[] p = versionLine.replaceAll("^git version ", "").split("[.\\s]");
    try {
      int major = Integer.parseInt(p[0]);
      int minor = Integer.parseInt(p[1]);
      return major > 2 || (major == 2 && minor >= 38);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Fact preview(CollectContext ctx, MergePreview p, String base, String upstream) {
    FactId id = FactIds.UPSTREAM_MERGE_PREVIEW;
    if (p.outcome() == MergePreview.Outcome.UNKNOWN) {
      return p.run() == null ? Fact.unknown(id, p.why()) : Fact.unknown(id, p.why(), p.run().evidence());
    }
    if (p.outcome() == MergePreview.Outcome.CLEAN) {
      return Fact.info(id, new Value.Conflicts(List.of()), merging(upstream).then("is clean"), p.run().evidence());
    }
    // The lines the fork changed in each conflicted file since the merge-base (following renames on both sides):
    // what makes a conflict heavy.
    ForkLines.Result lines = ForkLines.measure(ctx.git(), ctx.pool(), base, upstream, p.conflicts());
    if (!lines.why().isEmpty()) {
      // Without the fork's line counts a heavy conflict cannot be told from a light one.
      return new Fact(id, Status.UNKNOWN, new Value.Paths(List.copyOf(p.conflicts().keySet())),
          merging(upstream).then("conflicts in " + Noun.count(p.conflicts().size(), "file")),
          Phrase.of("the fork's line counts in them could not be read: " + lines.why()),
          List.of(p.run().evidence(), lines.failed().evidence()));
    }
    return Fact.of(id, Status.INFO, new Value.Conflicts(lines.conflicts()), merging(upstream).then("conflicts in "
        + Noun.count(lines.conflicts().size(), "file")), p.run().evidence(), lines.forkDiff().evidence());
  }

  /** "merging `upstream/main` into the fork ": what a merge preview's summary starts with. */
  private static Phrase merging(String upstream) {
    return Phrase.of("merging ").then(REF, upstream).then(" into the fork ");
  }

  /** The newest fork-side merge whose other parent is an upstream commit: when upstream was last taken in. */
  /**
   * The value is the date upstream code last came in: the newest merge of upstream, or, when there was none, the
   * fork point (the merge-base's date).
   */
  private static Fact lastMerge(GitCli git, CommandResult merges, String upstream, String baseDate) {
    FactId id = FactIds.UPSTREAM_LAST_MERGE;
    String why = GitCli.unreadable(merges, "git log failed: ");
    if (!why.isEmpty()) {
      return Fact.unknown(id, why, merges.evidence());
    }
    Set<String> forkSide = null;
    for (String line : GitCli.lines(merges)) {
      String[] f = line.split(" ");
      for (int i = 3; i < f.length; i++) {
        if (forkSide == null) {
          CommandResult listed = forkSideCommits(git, upstream);
          String unread = GitCli.unreadable(listed, "git rev-list failed: ");
          if (!unread.isEmpty()) {
            return Fact.unknown(id, "which merge parents are upstream's could not be told: " + unread,
                merges.evidence(), listed.evidence());
          }
          forkSide = new HashSet<>(GitCli.lines(listed));
        }
        if (!forkSide.contains(f[i])) {
          return Fact.of(id, Status.INFO, new Value.Text(f[1]), Phrase.of("upstream last merged into the fork on "
              + f[1] + " (").then(SHA, f[0].substring(0, 12)).then(")"), merges.evidence());
        }
      }
    }
    return Fact.of(id, Status.INFO, new Value.Text(baseDate), "upstream was never merged into the fork since it was "
        + "cut" + (baseDate.isEmpty() ? "" : " (" + baseDate + ")"), merges.evidence());
  }

  /**
   * The commits on the fork side ({@code git rev-list UPSTREAM..HEAD}), asked once for all merge parents: a merge's
   * parent is reachable from HEAD, so it is an upstream commit (what {@code git merge-base --is-ancestor PARENT
   * UPSTREAM} would say, one process per parent) exactly when it is not on the fork side.
   */
  private static CommandResult forkSideCommits(GitCli git, String upstream) {
    return git.run("rev-list", upstream + "..HEAD");
  }

  private static Fact baseAge(CommandResult dates, String base) {
    FactId id = FactIds.UPSTREAM_MERGE_BASE_AGE;
    List<String> lines = GitCli.lines(dates);
    String why = GitCli.unreadable(dates, "git log failed: ");
    if (!why.isEmpty() || lines.isEmpty()) {
      return Fact.unknown(id, why.isEmpty() ? "git log printed no dates" : why, dates.evidence());
    }
    String[] head = lines.get(0).split(" ");
    String[] mb = lines.get(lines.size() - 1).split(" ");
    long days = Math.max(0, (Long.parseLong(head[0]) - Long.parseLong(mb[0])) / DAY);
    return Fact.of(id, Status.INFO, new Value.Count(days), "merge-base " + base.substring(0, 12) + " is from " + mb[1]
        + ", " + Noun.count(days, "day") + " before HEAD (" + head[1] + ")", dates.evidence());
  }

  private static List<Fact> unknown(Phrase why, Evidence... ev) {
    return IDS.stream().map(id -> Fact.unknown(id, why, ev)).toList();
  }
}
