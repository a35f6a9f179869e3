package dev.forkstate.collect.git;

import static dev.forkstate.fact.Phrase.Kind.REF;

import dev.forkstate.collect.GitCli;
import dev.forkstate.config.Setting;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Tags, told apart by owner: tags at HEAD, the fork's newest release tag (on a commit reachable from HEAD and not
 * from the upstream ref) and the nearest upstream tag below the fork (its base, upstream's release, not the fork's).
 * Measurements only: tag-present judges them.
 */
final class TagFacts {
  static final String NOT_TOLD_APART = "no upstream ref is set, so upstream's tags could not be told apart from the "
      + "fork's: ";

  private TagFacts() {}

  /** The four tag commands are independent and run side by side on the pool; the facts keep their order. */
  static List<Fact> measure(GitCli git, Executor pool, Setting upstreamRef,
      Function<String, CommandResult> mergeBase) {
    CompletableFuture<CommandResult> atHeadRun =
        CompletableFuture.supplyAsync(() -> git.run("tag", "--points-at", "HEAD"), pool);
    CompletableFuture<Fact> nearestRun = CompletableFuture.supplyAsync(() -> upstreamRef.isSet()
        ? forkNearest(git, upstreamRef.value()) : anyNearest(git, upstreamRef.source()), pool);
    CompletableFuture<Fact> baseRun = CompletableFuture.supplyAsync(() -> upstreamRef.isSet()
        ? upstreamBase(git, upstreamRef.value(), mergeBase)
        : Fact.unknown(FactIds.GIT_TAGS_UPSTREAM_BASE, NOT_TOLD_APART + upstreamRef.source()), pool);
    List<Fact> facts = new ArrayList<>();
    CommandResult describe = git.run("describe", "--tags", "--always");
    facts.add(describe.ok()
        ? Fact.of(FactIds.GIT_DESCRIBE, Status.INFO, new Value.Text(GitCli.firstLine(describe)),
            Phrase.of("describes as ").then(REF, GitCli.firstLine(describe)), describe.evidence())
        : Fact.unknown(FactIds.GIT_DESCRIBE, describe.firstErrorLine(), describe.evidence()));
    CommandResult atHead = atHeadRun.join();
    List<String> headTags = GitCli.lines(atHead);
    facts.add(!GitCli.unreadable(atHead, "").isEmpty()
        ? Fact.unknown(FactIds.GIT_TAGS_AT_HEAD, atHead.firstErrorLine(), atHead.evidence())
        : Fact.of(FactIds.GIT_TAGS_AT_HEAD, headTags.isEmpty() ? Status.WARN : Status.PASS, new Value.Paths(headTags),
            headTags.isEmpty() ? "no tag points at HEAD" : "tags at HEAD: " + String.join(", ", headTags),
            atHead.evidence()));
    facts.add(nearestRun.join());
    facts.add(baseRun.join());
    return facts;
  }

  /** Newest tag on a fork-only commit: one command the user can paste. */
  private static Fact forkNearest(GitCli git, String ref) {
    CommandResult r = git.run("tag", "--merged", "HEAD", "--no-merged", ref, "--sort=-creatordate");
    String why = GitCli.unreadable(r, "git could not list the fork's tags: ");
    if (!why.isEmpty()) {
      return Fact.unknown(FactIds.GIT_TAGS_NEAREST, why, r.evidence());
    }
    List<String> tags = GitCli.lines(r);
    if (tags.isEmpty()) {
      return new Fact(FactIds.GIT_TAGS_NEAREST, Status.INFO, Value.none(),
          Phrase.of("no fork release tag (no tag on a commit not in ").then(REF, ref).then(")"), Phrase.empty(),
          List.of(r.evidence()));
    }
    return Fact.of(FactIds.GIT_TAGS_NEAREST, Status.INFO, new Value.Text(tags.get(0)),
        Phrase.of("fork release tag ").then(REF, tags.get(0)), r.evidence());
  }

  /** The nearest tag on the merge base with upstream: where the fork started from. */
  private static Fact upstreamBase(GitCli git, String ref, Function<String, CommandResult> mergeBase) {
    CommandResult base = mergeBase.apply(ref);
    String sha = GitCli.firstLine(base);
    if (!base.ok() || sha.isEmpty()) {
      return Fact.unknown(FactIds.GIT_TAGS_UPSTREAM_BASE, "git could not find the merge base with " + ref + ": "
          + base.firstErrorLine(), base.evidence());
    }
    CommandResult r = git.run(List.of("describe", "--tags", "--abbrev=0", sha),
        "git describe --tags --abbrev=0 $(git merge-base HEAD " + ShellQuote.quote(ref) + ")");
    if (r.ok() && !GitCli.firstLine(r).isEmpty()) {
      String tag = GitCli.firstLine(r);
      return Fact.of(FactIds.GIT_TAGS_UPSTREAM_BASE, Status.INFO, new Value.Text(tag),
          Phrase.of("upstream base ").then(REF, tag).then(" (upstream's release, not the fork's)"), r.evidence());
    }
    if (noTag(r)) {
      return new Fact(FactIds.GIT_TAGS_UPSTREAM_BASE, Status.INFO, Value.none(), "no upstream tag below the fork",
          "", List.of(r.evidence()));
    }
    return Fact.unknown(FactIds.GIT_TAGS_UPSTREAM_BASE, "git describe failed: " + r.firstErrorLine(), r.evidence());
  }

  /** Without an upstream ref: the nearest tag of any owner, as before, saying it may be upstream's. */
  private static Fact anyNearest(GitCli git, String why) {
    CommandResult nearest = git.run("describe", "--tags", "--abbrev=0");
    String tag = GitCli.firstLine(nearest);
    Phrase reason = Phrase.of(NOT_TOLD_APART + why);
    if (nearest.ok()) {
      return new Fact(FactIds.GIT_TAGS_NEAREST, Status.INFO, new Value.Text(tag), Phrase.of("nearest tag ")
          .then(REF, tag), reason, List.of(nearest.evidence()));
    }
    if (noTag(nearest)) {
      return new Fact(FactIds.GIT_TAGS_NEAREST, Status.INFO, Value.none(), Phrase.of("no tag reachable from HEAD"),
          reason, List.of(nearest.evidence()));
    }
    return Fact.unknown(FactIds.GIT_TAGS_NEAREST, "git describe failed: " + nearest.firstErrorLine(),
        nearest.evidence());
  }

  private static boolean noTag(CommandResult r) {
    return r.stderr().contains("No names found") || r.stderr().contains("No tags can describe");
  }
}
