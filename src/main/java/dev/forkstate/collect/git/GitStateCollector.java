package dev.forkstate.collect.git;

import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.COMMAND;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.config.Setting;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Step 1 of the seed: branch, tag, tracking remote, working tree, HEAD. Read-only git commands only. */
public final class GitStateCollector implements Collector {
  @Override
  public String name() {
    return "git";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.GIT_BRANCH_CURRENT, FactIds.GIT_HEAD_SHA, FactIds.GIT_TAGS_AT_HEAD,
        FactIds.GIT_TAGS_NEAREST, FactIds.GIT_TAGS_UPSTREAM_BASE, FactIds.GIT_WORKTREE_DIRTY,
        FactIds.GIT_WORKTREE_UNTRACKED));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    GitCli git = ctx.git();
    // Independent groups of read-only commands: run them side by side, and beside rev-parse HEAD (only the branch
    // check needs its sha); join in a fixed order.
    CompletableFuture<CommandResult> headRun = CompletableFuture.supplyAsync(() -> git.run("rev-parse", "HEAD"),
        ctx.pool());
    List<CompletableFuture<List<Fact>>> groups = List.of(
        headRun.thenApplyAsync(head -> head.ok()
            ? List.of(branch(git, ctx.settings().forkBranch(), GitCli.firstLine(head))) : List.<Fact>of(), ctx.pool()),
        CompletableFuture.supplyAsync(() -> TagFacts.measure(git, ctx.pool(), ctx.settings().upstreamRef(),
            ctx::mergeBase), ctx.pool()),
        CompletableFuture.supplyAsync(() -> tracking(git), ctx.pool()),
        CompletableFuture.supplyAsync(() -> worktree(git, ctx.ownOutputs(), ctx.configFile()), ctx.pool()),
        CompletableFuture.supplyAsync(() -> List.of(shallow(ctx.shallow())), ctx.pool()));
    CommandResult head = headRun.join();
    List<Fact> facts = new ArrayList<>();
    if (!head.ok()) {
      // Read-only commands, ended before the collector returns: none outlives its phase. Their facts are not kept.
      groups.forEach(g -> g.handle((v, e) -> v).join());
      facts.add(Fact.unknown(FactIds.GIT_HEAD_SHA, "HEAD does not resolve (no commits yet?): " + head.firstErrorLine(),
          head.evidence()));
      return facts;
    }
    String sha = GitCli.firstLine(head);
    facts.add(Fact.of(FactIds.GIT_HEAD_SHA, Status.INFO, new Value.Text(sha), "HEAD is " + sha, head.evidence()));
    groups.forEach(g -> facts.addAll(g.join()));
    return facts;
  }

  /** From {@code git rev-parse --is-shallow-repository}, which the upstream drift asks too (run once, shared). */
  private static Fact shallow(CommandResult shallow) {
    boolean isShallow = "true".equals(GitCli.firstLine(shallow));
    return shallow.ok()
        ? Fact.of(FactIds.GIT_SHALLOW, isShallow ? Status.WARN : Status.PASS, new Value.Flag(isShallow),
            isShallow ? Phrase.of("shallow clone: history is cut, counts may be wrong; run ")
                .then(COMMAND, "git fetch --unshallow") : Phrase.of("full history (not a shallow clone)"),
            shallow.evidence())
        : Fact.unknown(FactIds.GIT_SHALLOW, "git could not tell: " + shallow.firstErrorLine(), shallow.evidence());
  }

  private static Fact branch(GitCli git, Setting forkBranch, String headSha) {
    CommandResult r = git.run("branch", "--show-current");
    if (!r.ok()) {
      return Fact.unknown(FactIds.GIT_BRANCH_CURRENT, "git could not tell the branch: " + r.firstErrorLine(),
          r.evidence());
    }
    String current = GitCli.firstLine(r);
    if (!forkBranch.isSet()) {
      return new Fact(FactIds.GIT_BRANCH_CURRENT, Status.UNKNOWN,
          new Value.Text(current.isEmpty() ? "(detached HEAD)" : current),
          current.isEmpty() ? Phrase.of("on a detached HEAD") : Phrase.of("on ").then(BRANCH, current),
          Phrase.of("cannot compare with the fork branch: " + forkBranch.source()), List.of(r.evidence()));
    }
    String expected = forkBranch.value();
    if (current.isEmpty()) {
      // CI checkouts are often detached; that is fine when HEAD is exactly the fork branch's tip.
      CommandResult tip = git.run("rev-parse", "--verify", "--quiet", expected + "^{commit}");
      String tipSha = GitCli.firstLine(tip);
      if (tip.ok() && tipSha.equals(headSha)) {
        return Fact.of(FactIds.GIT_BRANCH_CURRENT, Status.PASS, new Value.Text("(detached HEAD)"),
            Phrase.of("detached HEAD at the tip of ").then(BRANCH, expected), r.evidence(), tip.evidence());
      }
      return new Fact(FactIds.GIT_BRANCH_CURRENT, Status.FAIL,
          new Value.Text("(detached HEAD)"), Phrase.of("detached HEAD, not on ").then(BRANCH, expected),
          Phrase.of(tip.ok() ? "HEAD is not the tip of " + expected : expected + " does not exist here"),
          List.of(r.evidence(), tip.evidence()));
    }
    boolean match = current.equals(expected);
    return new Fact(FactIds.GIT_BRANCH_CURRENT, match ? Status.PASS : Status.FAIL,
        new Value.Text(current), match ? Phrase.of("on ").then(BRANCH, current)
            : Phrase.of("on ").then(BRANCH, current).then(", expected ").then(BRANCH, expected),
        match ? Phrase.empty() : Phrase.of("run ").then(COMMAND, "git switch " + ShellQuote.quote(expected)),
        List.of(r.evidence()));
  }

  private static List<Fact> tracking(GitCli git) {
    CommandResult up = git.run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}");
    if (!up.ok()) {
      String why = up.firstErrorLine();
      return List.of(
          new Fact(FactIds.GIT_TRACKING_REMOTE, Status.WARN, Value.none(),
              "no tracking remote", why.isEmpty() ? "the branch has no upstream" : why, List.of(up.evidence())),
          Fact.unknown(FactIds.GIT_TRACKING_AHEAD, "no tracking remote to compare with", up.evidence()),
          Fact.unknown(FactIds.GIT_TRACKING_BEHIND, "no tracking remote to compare with", up.evidence()));
    }
    String remote = GitCli.firstLine(up);
    Fact remoteFact = Fact.of(FactIds.GIT_TRACKING_REMOTE, Status.PASS, new Value.Text(remote),
        Phrase.of("tracks ").then(BRANCH, remote), up.evidence());
    CommandResult counts = git.run("rev-list", "--left-right", "--count", "HEAD...@{u}");
    String[] parts = GitCli.firstLine(counts).split("\\s+");
    if (!counts.ok() || parts.length != 2) {
      String why = "git could not count: " + counts.firstErrorLine();
      return List.of(remoteFact, Fact.unknown(FactIds.GIT_TRACKING_AHEAD, why, counts.evidence()),
          Fact.unknown(FactIds.GIT_TRACKING_BEHIND, why, counts.evidence()));
    }
    long ahead = Long.parseLong(parts[0]);
    long behind = Long.parseLong(parts[1]);
    return List.of(remoteFact,
        Fact.of(FactIds.GIT_TRACKING_AHEAD, ahead == 0 ? Status.PASS : Status.WARN, new Value.Count(ahead),
            ahead == 0 ? Phrase.of("nothing unpushed to ").then(BRANCH, remote)
                : Phrase.of(Noun.count(ahead, "commit") + " not pushed to ").then(BRANCH, remote)
                    .then(" (CI has not seen them)"), counts.evidence()),
        Fact.of(FactIds.GIT_TRACKING_BEHIND, behind == 0 ? Status.PASS : Status.WARN, new Value.Count(behind),
            behind == 0 ? Phrase.of("up to date with ").then(BRANCH, remote)
                : Phrase.of(Noun.count(behind, "commit") + " behind ").then(BRANCH, remote), counts.evidence()));
  }

  private static List<Fact> worktree(GitCli git, List<String> ownOutputs, String configFile) {
    List<String> args = new ArrayList<>(List.of("status", "--porcelain"));
    if (!ownOutputs.isEmpty()) {
      args.add("--");
      args.add(".");
      ownOutputs.forEach(p -> args.add(":(exclude)" + p));
    }
    CommandResult st = git.run(args, null);
    // Counted from its lines: a cut status would undercount changed files.
    if (!GitCli.unreadable(st, "").isEmpty()) {
      return List.of(Fact.unknown(FactIds.GIT_WORKTREE_DIRTY, st.firstErrorLine(), st.evidence()),
          Fact.unknown(FactIds.GIT_WORKTREE_UNTRACKED, st.firstErrorLine(), st.evidence()));
    }
    List<String> all = st.stdout().lines().filter(l -> !l.isBlank()).toList();
    // The config forkstate read is not a surprise: it is left out of the count and named on its own.
    List<String> lines = all.stream().filter(l -> configFile == null || !l.equals("?? " + configFile)).toList();
    boolean configUntracked = lines.size() < all.size();
    long untracked = lines.stream().filter(l -> l.startsWith("??")).count();
    long dirty = lines.size() - untracked;
    Fact dirtyFact = Fact.of(FactIds.GIT_WORKTREE_DIRTY, dirty == 0 ? Status.PASS : Status.WARN,
        new Value.Count(dirty), dirty == 0 ? "no uncommitted changes to tracked files"
            : Noun.count(dirty, "tracked file") + " changed, not committed", st.evidence());
    long conflicted = lines.stream().filter(UnfinishedOperation::unmerged).count();
    java.util.Optional<UnfinishedOperation> unfinished = UnfinishedOperation.in(git);
    if (unfinished.isPresent() || conflicted > 0) {
      dirtyFact = unfinished(unfinished, conflicted, dirty, st);
    }
    // The config forkstate read is named apart, first (it is what the warning is about when nothing else is), never
    // inside a count that leaves it out: "no untracked files besides forkstate.yml" under a WARN read as a riddle.
    String config = configFile + " is not committed (the config forkstate read: commit it)";
    String untrackedText = !configUntracked
        ? (untracked == 0 ? "no untracked files" : Noun.count(untracked, "untracked path") + " (not in any commit)")
        : untracked == 0 ? config + "; no other untracked files"
            : config + "; " + Noun.count(untracked, "other untracked path") + " (not in any commit)";
    return List.of(dirtyFact,
        Fact.of(FactIds.GIT_WORKTREE_UNTRACKED, untracked == 0 && !configUntracked ? Status.PASS : Status.WARN,
            new Value.Count(untracked), untrackedText, st.evidence()));
  }

  /** A merge (rebase, ...) in progress or unresolved conflicts: the tree is half-way, named as such, a FAIL. */
  private static Fact unfinished(java.util.Optional<UnfinishedOperation> op, long conflicted, long dirty,
      CommandResult st) {
    String what = op.map(o -> o.name() + " in progress").orElse("unresolved conflicts")
        + (conflicted > 0 ? ", " + Noun.count(conflicted, "path") + " unresolved" : "");
    Phrase fix = Phrase.of("finish it (resolve, then commit or continue) or abort it");
    if (op.isPresent()) {
      fix = fix.then(" (").then(COMMAND, op.get().abort()).then(")");
    }
    return new Fact(FactIds.GIT_WORKTREE_DIRTY, Status.FAIL, new Value.Count(dirty),
        Phrase.of(what + ": the working tree is half-merged, so every measurement of it (smokes included) is of an "
            + "unfinished tree"), fix, List.of(st.evidence()));
  }
}
