package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.REF;

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
import java.util.List;

/**
 * Where each branch prepared for an upstream pull request stands (local branches matching pr_branches, default
 * pr/*): ahead/behind upstream and the fork branch, its last commit, whether the fork branch already has it,
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
    CommandResult listed = listBranches(ctx);
    if (listed == null) {
      return List.of();
    }
    String unread = GitCli.unreadable(listed, "git for-each-ref failed: ");
    if (!unread.isEmpty()) {
      return List.of(Fact.unknown(FactIds.PR_BRANCHES, "the PR branches could not be listed: " + unread,
          listed.evidence()));
    }
    List<String> branches = GitCli.lines(listed).stream().sorted().toList();
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
    for (String b : branches) {
      facts.add(branch(ctx.git(), b, upstream, fork, mergeTree, upstreamTime));
    }
    return facts;
  }

  /** The local branches matching pr_branches, sorted; none when no pattern is configured or git could not list them. */
  public static List<String> branches(CollectContext ctx) {
    CommandResult listed = listBranches(ctx);
    return listed == null || !GitCli.unreadable(listed, "").isEmpty() ? List.of()
        : GitCli.lines(listed).stream().sorted().toList();
  }

  /** {@code git for-each-ref} over the pr_branches patterns; null when none is configured. */
  private static CommandResult listBranches(CollectContext ctx) {
    List<String> patterns = ctx.settings().prBranches();
    if (patterns.isEmpty()) {
      return null;
    }
    List<String> args = new ArrayList<>(List.of("for-each-ref", "--format=%(refname:short)"));
    patterns.forEach(p -> args.add("refs/heads/" + p));
    return ctx.git().run(args, null);
  }

  private static Fact branch(GitCli git, String b, String upstream, String fork, boolean mergeTree,
      long upstreamTime) {
    FactId id = FactIds.pr(b);
    CommandResult vsUp = git.run("rev-list", "--left-right", "--count", upstream + "..." + b);
    CommandResult vsFork = git.run("rev-list", "--left-right", "--count", fork + "..." + b);
    CommandResult last = git.run("log", "-1", "--format=%ct %cs", b);
    boolean merged = git.run("merge-base", "--is-ancestor", b, fork).ok();
    CommandResult cherry = git.run(List.of("cherry", upstream, b), "git cherry -v " + ShellQuote.quote(upstream)
        + " " + ShellQuote.quote(b));
    // The patch count comes from cherry's lines: a cut list would undercount them.
    if (!vsUp.ok() || !GitCli.unreadable(cherry, "").isEmpty()) {
      return Fact.unknown(id, Phrase.of("git could not compare ").then(BRANCH, b).then(" with ").then(REF, upstream)
          .then(": " + (vsUp.ok() ? cherry : vsUp).firstErrorLine()), vsUp.evidence());
    }
    long[] up = counts(vsUp);
    long[] fk = counts(vsFork);
    List<String> cherries = GitCli.lines(cherry);
    long own = cherries.stream().filter(l -> l.startsWith("+")).count();
    boolean landed = !cherries.isEmpty() && own == 0;
    if (cherries.isEmpty()) {
      return Fact.info(id, new Value.Branch(b, upstream, List.of(Phrase.of(up[0] + " behind ").then(REF, upstream)),
          0, 0, Value.Merge.NOT_TRIED, "", 0), Phrase.of(BRANCH, b).then(": no commit ahead of ").then(REF, upstream),
          cherry.evidence());
    }
    String[] lastParts = GitCli.firstLine(last).split(" ");
    long lastTime = parseLong(lastParts[0]);
    String lastDate = lastParts.length > 1 ? lastParts[1] : "?";
    MergePreview preview = landed ? null : MergePreview.of(git, upstream, b, mergeTree);

    List<Phrase> items = new ArrayList<>();
    items.add(Phrase.of(up[1] + " ahead, " + up[0] + " behind ").then(REF, upstream));
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
    return new Fact(id, Status.INFO, new Value.Branch(b, upstream, items, cherries.size(), own, merge,
        preview == null ? "" : preview.why(), lagDays), Phrase.of(BRANCH, b).then(": " + own + " of "
        + Noun.count(cherries.size(), "patch") + " not upstream yet"), Phrase.empty(), ev);
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
