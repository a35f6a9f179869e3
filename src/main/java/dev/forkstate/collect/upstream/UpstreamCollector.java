package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.Phrase.Kind.COMMAND;
import static dev.forkstate.fact.Phrase.Kind.REF;
import static dev.forkstate.fact.Phrase.Kind.SHA;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.config.Setting;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * How far the fork has drifted: merge-base with the upstream ref, commits ahead and behind, and the fork's footprint
 * since the merge-base (files it added vs upstream files it modified or deleted, with line counts).
 */
public final class UpstreamCollector implements Collector {
  /** Enough to say what the fork carries; the total is always given. */
  static final int MAX_COMMITS = 100;
  static final List<FactId> IDS = List.of(FactIds.UPSTREAM_AHEAD, FactIds.UPSTREAM_AREAS, FactIds.UPSTREAM_BEHIND,
      FactIds.UPSTREAM_COMMITS, FactIds.UPSTREAM_FILES_ADDED, FactIds.UPSTREAM_FILES_DELETED,
      FactIds.UPSTREAM_FILES_MODIFIED, FactIds.UPSTREAM_MERGE_BASE, FactIds.UPSTREAM_MERGES,
      FactIds.UPSTREAM_REVERTED_MERGES);

  @Override
  public String name() {
    return "upstream";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(IDS);
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    Setting ref = ctx.settings().upstreamRef();
    GitCli git = ctx.git();
    if (!ref.isSet()) {
      return allUnknown(ctx.noUpstreamRef());
    }
    String upstream = ref.value();
    // The three probes are independent; ask them together and read the answers in order of importance.
    var resolvedF = CompletableFuture.supplyAsync(
        () -> git.run("rev-parse", "--verify", "--quiet", upstream + "^{commit}"), ctx.pool());
    var shallowF = CompletableFuture.supplyAsync(ctx::shallow, ctx.pool());
    var mbF = CompletableFuture.supplyAsync(() -> ctx.mergeBase(upstream), ctx.pool());
    CommandResult resolved = resolvedF.join();
    if (!resolved.ok()) {
      return allUnknown(Phrase.of("upstream ref ").then(REF, upstream).then(" does not resolve; fetch it: ")
          .then(COMMAND, "git fetch " + ShellQuote.quote(upstream.split("/")[0])), resolved.evidence());
    }
    CommandResult shallow = shallowF.join();
    if ("true".equals(GitCli.firstLine(shallow))) {
      return allUnknown(Phrase.of("shallow clone: history is cut, so merge-base and counts would be wrong; run ")
          .then(COMMAND, "git fetch --unshallow").then(" (and ")
          .then(COMMAND, "git fetch " + ShellQuote.quote(upstream.split("/")[0])).then(")"), shallow.evidence());
    }
    CommandResult mb = mbF.join();
    if (!mb.ok()) {
      return allUnknown(Phrase.of("no common history between HEAD and ").then(REF, upstream), mb.evidence());
    }
    if (!mb.stdoutWhole()) {
      return allUnknown(Phrase.of("git merge-base: " + mb.cutReason()), mb.evidence());
    }
    String base = GitCli.firstLine(mb);
    String baseExpr = "$(git merge-base HEAD " + ShellQuote.quote(upstream) + ")";

    CompletableFuture<CommandResult> counts =
        CompletableFuture.supplyAsync(() -> git.run("rev-list", "--left-right", "--count", upstream + "...HEAD"),
            ctx.pool());
    CompletableFuture<CommandResult> merges =
        CompletableFuture.supplyAsync(() -> git.run("rev-list", "--merges", "--count", upstream + "..HEAD"),
            ctx.pool());
    CompletableFuture<CommandResult> log = CompletableFuture.supplyAsync(() -> git.run(List.of("log", "--oneline",
        "--no-decorate", "--no-color", "-n", Integer.toString(MAX_COMMITS), upstream + "..HEAD"),
        "git log --oneline " + ShellQuote.quote(upstream + "..HEAD")), ctx.pool());
    CompletableFuture<Fact> reverted = CompletableFuture.supplyAsync(() -> RevertedMerges.measure(git, upstream),
        ctx.pool());
    CompletableFuture<CommandResult> added = diff(ctx, base, baseExpr, "A");
    CompletableFuture<CommandResult> modified = diff(ctx, base, baseExpr, "M");
    CompletableFuture<CommandResult> deleted = diff(ctx, base, baseExpr, "D");

    List<Fact> facts = new ArrayList<>();
    facts.add(Fact.of(FactIds.UPSTREAM_MERGE_BASE, Status.INFO, new Value.Text(base),
        Phrase.of("fork and ").then(REF, upstream).then(" share merge-base "
            + base.substring(0, Math.min(12, base.length()))), mb.evidence()));
    CommandResult c = counts.join();
    String[] lr = GitCli.firstLine(c).split("\\s+");
    if (c.ok() && lr.length == 2) {
      long behind = Long.parseLong(lr[0]);
      long ahead = Long.parseLong(lr[1]);
      facts.add(Fact.of(FactIds.UPSTREAM_AHEAD, Status.INFO, new Value.Count(ahead),
          Phrase.of(Noun.count(ahead, "fork commit") + " not in ").then(REF, upstream), c.evidence()));
      facts.add(behind == 0 ? current(git, upstream, c)
          : Fact.of(FactIds.UPSTREAM_BEHIND, Status.INFO, new Value.Count(behind), Phrase.of(Noun.count(behind,
              "commit") + " of ").then(REF, upstream).then(" not merged into the fork"), c.evidence()));
    } else {
      facts.add(Fact.unknown(FactIds.UPSTREAM_AHEAD, "git could not count: " + c.firstErrorLine(), c.evidence()));
      facts.add(Fact.unknown(FactIds.UPSTREAM_BEHIND, "git could not count: " + c.firstErrorLine(), c.evidence()));
    }
    facts.add(commits(log.join(), facts));
    CommandResult m = merges.join();
    String mergeCount = GitCli.firstLine(m);
    facts.add(m.ok() && mergeCount.matches("\\d+")
        ? Fact.of(FactIds.UPSTREAM_MERGES, Status.INFO, new Value.Count(Long.parseLong(mergeCount)),
            Noun.count(Long.parseLong(mergeCount), "merge commit") + " on the fork side", m.evidence())
        : Fact.unknown(FactIds.UPSTREAM_MERGES, m.firstErrorLine(), m.evidence()));

    facts.add(reverted.join());

    TreeSet<String> areas = new TreeSet<>();
    List<Evidence> areaEvidence = new ArrayList<>();
    List<Evidence> quietEvidence = new ArrayList<>();
    String unread = "";
    for (FileDiff entry : List.of(
        new FileDiff(FactIds.UPSTREAM_FILES_ADDED, added.join(), "file", "the fork added"),
        new FileDiff(FactIds.UPSTREAM_FILES_MODIFIED, modified.join(), "upstream file", "the fork modified"),
        new FileDiff(FactIds.UPSTREAM_FILES_DELETED, deleted.join(), "upstream file", "the fork deleted"))) {
      FactId id = entry.id();
      CommandResult r = entry.result();
      // A cut numstat is a smaller list that would read as the measurement: UNKNOWN, and the size says why.
      String why = GitCli.unreadable(r, "git diff failed: ");
      if (!why.isEmpty()) {
        facts.add(Fact.unknown(id, why, r.evidence()));
        unread = unread.isEmpty() ? why : unread;
        continue;
      }
      Value.Changes changes = NumstatParser.parse(r.stdout());
      changes.files().forEach(f -> areas.add(area(f.path())));
      // The areas' command must print them: a diff that listed no file (no added file, say) is no evidence of any.
      (changes.files().isEmpty() ? quietEvidence : areaEvidence).add(r.evidence(0));
      facts.add(Fact.of(id, Status.INFO, changes, Noun.count(changes.files().size(), entry.noun()) + " " + entry.verb() + " (+"
          + changes.added() + " -" + changes.deleted() + " lines)", r.evidence(0)));
    }
    facts.add(unread.isEmpty()
        ? new Fact(FactIds.UPSTREAM_AREAS, Status.INFO, new Value.Paths(List.copyOf(areas)),
            areas.isEmpty() ? "no files changed since the merge-base" : "top-level areas touched: "
                + String.join(", ", areas), "", areaEvidence.isEmpty() ? quietEvidence : areaEvidence)
        : Fact.unknown(FactIds.UPSTREAM_AREAS, "a git diff above could not be read: " + unread));
    return facts;
  }

  /** The fork's own commits, newest first; the list stops at MAX_COMMITS, the total comes from the ahead count. */
  private static Fact commits(CommandResult r, List<Fact> sofar) {
    String why = GitCli.unreadable(r, "git log failed: ");
    if (!why.isEmpty()) {
      return Fact.unknown(FactIds.UPSTREAM_COMMITS, why, r.evidence());
    }
    List<Value.Commit> list = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (line.isBlank() || list.size() == MAX_COMMITS) {
        continue;
      }
      int sp = line.indexOf(' ');
      list.add(sp < 0 ? new Value.Commit(line, "") : new Value.Commit(line.substring(0, sp), line.substring(sp + 1)));
    }
    long total = sofar.stream().filter(f -> f.id().equals(FactIds.UPSTREAM_AHEAD))
        .filter(f -> f.value() instanceof Value.Count).mapToLong(f -> ((Value.Count) f.value()).n()).findFirst()
        .orElse(list.size());
    Phrase summary = list.isEmpty() ? Phrase.of("no fork commits")
        : Phrase.of(Noun.count(total, "fork commit") + ", newest ").then(SHA, list.get(0).sha())
            .then(total > list.size() ? " (the first " + list.size() + " are listed in the JSON)" : "");
    return Fact.of(FactIds.UPSTREAM_COMMITS, Status.INFO, new Value.Commits(list, total), summary, r.evidence());
  }

  private static CompletableFuture<CommandResult> diff(CollectContext ctx, String base, String baseExpr,
      String filter) {
    // -z keeps paths with spaces or non-ASCII bytes unquoted for parsing; the shown command omits it for reading.
    String display = "git diff --no-renames --numstat --diff-filter=" + filter + " " + baseExpr + " HEAD";
    return CompletableFuture.supplyAsync(() -> ctx.git().run(
        List.of("diff", "--no-renames", "--numstat", "-z", "--diff-filter=" + filter, base, "HEAD"), display),
        ctx.pool());
  }

  private record FileDiff(FactId id, CommandResult result, String noun, String verb) {}

  private static String area(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? "(root)" : path.substring(0, slash) + "/";
  }

  /**
   * None behind is only as true as the last fetch: a LiteLLM fork whose upstream ref was last fetched 9 months ago
   * read "has every commit of upstream/main", "Current with upstream". The ref's newest commit date says how old the
   * comparison is, and how to renew it (measured locally: an offline run cannot ask the remote).
   */
  private static Fact current(GitCli git, String upstream, CommandResult counted) {
    CommandResult tip = git.run(List.of("log", "-1", "--no-walk", "--format=%cs", upstream),
        "git log -1 --format=%cs " + ShellQuote.quote(upstream));
    String date = GitCli.firstLine(tip);
    Phrase says = Phrase.of("has every commit of ").then(REF, upstream);
    if (tip.ok() && date.matches("\\d{4}-\\d{2}-\\d{2}")) {
      says = says.then(" as last fetched (its newest commit is from " + date + "; ")
          .then(COMMAND, "git fetch " + ShellQuote.quote(upstream.split("/")[0])).then(" shows newer ones)");
    }
    return Fact.of(FactIds.UPSTREAM_BEHIND, Status.INFO, new Value.Count(0), says, counted.evidence(),
        tip.evidence());
  }

  private static List<Fact> allUnknown(Phrase reason, Evidence... evidence) {
    return IDS.stream().map(id -> Fact.unknown(id, reason, evidence)).toList();
  }
}
