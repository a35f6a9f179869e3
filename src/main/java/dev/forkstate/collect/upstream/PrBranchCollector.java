package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.REF;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.config.Settings;
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
import java.util.List;

/**
 * Where each branch prepared for an upstream pull request stands (local and remote-tracking branches matching
 * pr_branches, default pr/*; see {@link PrRefs}): its size against upstream (commits, files, lines), ahead/behind
 * upstream and the fork branch, its last commit, whether the fork branch already has it,
 * whether its patches are already upstream, whether it merges cleanly into upstream, and how many days its last
 * commit is older than upstream's. Each branch is a measurement (INFO, a {@link Value.Branch}); whether it is ready,
 * stale or landed is judged in the check package (PrBranchPolicy).
 */
public final class PrBranchCollector implements Collector {
  @Override
  public String name() {
    return "pr-branches";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.PR_BRANCHES));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    if (ctx.settings().prBranches().isEmpty()) {
      return List.of();
    }
    CommandResult listed = PrRefs.list(ctx, ctx.settings().prBranches());
    String unread = GitCli.unreadable(listed, "git for-each-ref failed: ");
    if (!unread.isEmpty()) {
      return List.of(Fact.unknown(FactIds.PR_BRANCHES, "the PR branches could not be listed: " + unread,
          listed.evidence()));
    }
    List<PrRefs.PrRef> branches = refs(ctx, listed);
    if (branches.isEmpty()) {
      return List.of();
    }
    if (!ctx.settings().upstreamRef().isSet()) {
      return List.of(Fact.unknown(FactIds.PR_BRANCHES, "no upstream ref to compare " + Noun.count(branches.size(),
          "PR branch") + " with: " + ctx.settings().upstreamRef().source()));
    }
    String upstream = ctx.settings().upstreamRef().value();
    String fork = ctx.settings().forkBranch().isSet() ? ctx.settings().forkBranch().value() : "HEAD";
    boolean mergeTree = UpstreamabilityCollector.supportsMergeTree(ctx.git());
    CommandResult upDate = ctx.git().run("log", "-1", "--format=%ct", upstream);
    long upstreamTime = parseLong(GitCli.firstLine(upDate));
    List<Fact> facts = new ArrayList<>();
    for (PrRefs.PrRef b : branches) {
      facts.add(branch(ctx.git(), b, upstream, fork, mergeTree, upstreamTime));
    }
    return facts;
  }

  /**
   * The names of the PR branches (local, or remote-tracking only), deduplicated and sorted: what a pull request's head
   * is called upstream. None when no pattern is configured or git could not list them.
   */
  public static List<String> branches(CollectContext ctx) {
    if (ctx.settings().prBranches().isEmpty()) {
      return List.of();
    }
    CommandResult listed = PrRefs.list(ctx, ctx.settings().prBranches());
    return !GitCli.unreadable(listed, "").isEmpty() ? List.of()
        : refs(ctx, listed).stream().map(PrRefs.PrRef::name).toList();
  }

  private static List<PrRefs.PrRef> refs(CollectContext ctx, CommandResult listed) {
    Settings s = ctx.settings();
    String up = s.upstreamRef().isSet() && s.upstreamRef().value().contains("/")
        ? s.upstreamRef().value().substring(0, s.upstreamRef().value().indexOf('/')) : "";
    String forkRemote = s.ciRemote().isSet() ? s.ciRemote().value() : "origin";
    return PrRefs.parse(GitCli.lines(listed), s.prBranches(), up, forkRemote);
  }

  private static Fact branch(GitCli git, PrRefs.PrRef pr, String upstream, String fork, boolean mergeTree,
      long upstreamTime) {
    String b = pr.ref();
    FactId id = FactIds.pr(pr.name());
    CommandResult vsUp = git.run("rev-list", "--left-right", "--count", upstream + "..." + b);
    CommandResult vsFork = git.run("rev-list", "--left-right", "--count", fork + "..." + b);
    CommandResult last = git.run("log", "-1", "--format=%ct %cs", b);
    CommandResult stat = git.run("diff", "--shortstat", upstream + "..." + b);
    boolean merged = git.run("merge-base", "--is-ancestor", b, fork).ok();
    CommandResult cherry = git.run(List.of("cherry", upstream, b), "git cherry -v " + ShellQuote.quote(upstream)
        + " " + ShellQuote.quote(b));
    // The patch count comes from cherry's lines, the size from the diff: a cut or failed run would undercount them.
    CommandResult failed = !vsUp.ok() ? vsUp : !GitCli.unreadable(cherry, "").isEmpty() ? cherry
        : !GitCli.unreadable(stat, "").isEmpty() ? stat : null;
    if (failed != null) {
      return Fact.unknown(id, Phrase.of("git could not compare ").then(BRANCH, b).then(" with ").then(REF, upstream)
          .then(": " + failed.firstErrorLine()), failed.evidence());
    }
    long[] up = counts(vsUp);
    long[] fk = counts(vsFork);
    Value.Size size = size(up[1], GitCli.firstLine(stat));
    List<String> cherries = GitCli.lines(cherry);
    long own = cherries.stream().filter(l -> l.startsWith("+")).count();
    boolean landed = !cherries.isEmpty() && own == 0;
    List<Phrase> items = new ArrayList<>();
    if (!pr.local()) {
      items.add(Phrase.of("read from the remote-tracking branch ").then(BRANCH, b).then(" (no local branch)"));
    }
    if (!pr.twins().isEmpty()) {
      items.add(Phrase.of("also ").then(Phrase.join(pr.twins().stream().map(t -> Phrase.of(BRANCH, t)).toList(), ", "))
          .then(": not measured; the " + (pr.local() ? "local branch" : "first remote-tracking branch") + " is"));
    }
    if (cherries.isEmpty()) {
      items.add(Phrase.of(up[0] + " behind ").then(REF, upstream));
      return Fact.info(id, new Value.Branch(pr.name(), upstream, items, 0, 0, Value.Merge.NOT_TRIED, "", 0, size),
          Phrase.of(BRANCH, pr.name()).then(": no commit of its own (0 ahead of ").then(REF, upstream).then(")"),
          cherry.evidence(), vsUp.evidence());
    }
    String[] lastParts = GitCli.firstLine(last).split(" ");
    long lastTime = parseLong(lastParts[0]);
    String lastDate = lastParts.length > 1 ? lastParts[1] : "?";
    MergePreview preview = landed ? null : MergePreview.of(git, upstream, b, mergeTree);

    items.add(Phrase.of(up[1] + " ahead, " + up[0] + " behind ").then(REF, upstream));
    items.add(Phrase.of("size against ").then(REF, upstream).then(": " + Noun.count(size.commits(), "commit") + ", "
        + Noun.count(size.files(), "file") + " (+" + size.added() + " -" + size.deleted() + " lines)"));
    Phrase vsForkBranch = Phrase.of(fk[1] + " ahead, " + fk[0] + " behind ").then(BRANCH, fork);
    items.add(merged ? vsForkBranch.then("; merged into ").then(BRANCH, fork) : vsForkBranch);
    items.add(Phrase.of("last commit " + lastDate));
    items.add(Phrase.of(landed ? "all its patches are already upstream" : own + " of "
        + Noun.count(cherries.size(), "patch") + " not upstream yet"));
    if (preview != null) {
      items.add(switch (preview.outcome()) {
        case CLEAN -> Phrase.of("merges cleanly into ").then(REF, upstream);
        case CONFLICTS -> Phrase.of("conflicts with ").then(REF, upstream).then(" in ").then(preview.describe());
        case UNKNOWN -> Phrase.of("merge into ").then(REF, upstream).then(" not known: " + preview.why());
      });
    }
    long lagDays = upstreamTime > 0 && lastTime > 0 ? (upstreamTime - lastTime) / 86_400 : 0;
    Value.Merge merge = preview == null ? Value.Merge.NOT_TRIED : switch (preview.outcome()) {
      case CLEAN -> Value.Merge.CLEAN;
      case CONFLICTS -> Value.Merge.CONFLICTS;
      case UNKNOWN -> Value.Merge.UNKNOWN;
    };
    List<Evidence> ev = new ArrayList<>(List.of(cherry.evidence()));
    if (preview != null && preview.run() != null) {
      ev.add(preview.run().evidence());
    }
    ev.add(vsUp.evidence());
    ev.add(stat.evidence());
    return new Fact(id, Status.INFO, new Value.Branch(pr.name(), upstream, items, cherries.size(), own, merge,
        preview == null ? "" : preview.why(), lagDays, size), Phrase.of(BRANCH, pr.name()).then(": " + own + " of "
        + Noun.count(cherries.size(), "patch") + " not upstream yet"), Phrase.empty(), ev);
  }

  /** {@code git diff --shortstat}: " 3 files changed, 10 insertions(+), 2 deletions(-)" (parts left out when 0). */
  static Value.Size size(long commits, String shortstat) {
    return new Value.Size(commits, number(shortstat, "file"), number(shortstat, "insertion"),
        number(shortstat, "deletion"));
  }

  private static long number(String shortstat, String word) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) " + word).matcher(shortstat);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static long[] counts(CommandResult r) {
    String[] p = GitCli.firstLine(r).split("\\s+");
    return p.length == 2 ? new long[] {parseLong(p[0]), parseLong(p[1])} : new long[] {0, 0};
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
