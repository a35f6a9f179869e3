package dev.forkstate.verify;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Branch claims against the refs: a branch said not to be merged ("Do not merge until ...") whose tip is already in
 * HEAD or in the fork branch is contradicted; prepared upstream pull requests need branches (local or
 * remote-tracking, matching {@code pr_branches}) that each carry commits of their own against the upstream ref.
 */
final class BranchCheck {
  private final CollectContext ctx;
  private final NameResolver names;

  BranchCheck(CollectContext ctx, NameResolver names) {
    this.ctx = ctx;
    this.names = names;
  }

  CheckedClaim status(Claim c) {
    String branch = c.subject();
    Optional<NameResolver.Resolved> ref = names.ref(branch);
    if (ref.isEmpty()) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of("no branch ").then(Phrase.Kind.BRANCH, branch)
          .then(" here (local or remote-tracking): its merge status cannot be read"), "git fetch --all");
    }
    String target = ref.get().target();
    List<String> into = new ArrayList<>(List.of("HEAD"));
    String fork = ctx.settings().forkBranch().isSet() ? ctx.settings().forkBranch().value() : "";
    names.ref(fork).ifPresent(r -> into.add(r.target()));
    String mergedInto = "";
    for (String base : into) {
      if (Integer.valueOf(0).equals(ctx.git().run("merge-base", "--is-ancestor", target, base).exitCode())) {
        mergedInto = base;
        break;
      }
    }
    String cmd = "git merge-base --is-ancestor " + ShellQuote.quote(shortName(target)) + " "
        + ShellQuote.quote(mergedInto.isEmpty() ? "HEAD" : shortName(mergedInto)) + " && echo merged";
    String sha = GitCli.firstLine(ctx.git().run("rev-parse", "--short=12", target));
    boolean saysUnmerged = c.command().contains("not") || c.command().contains("don't");
    Phrase tip = Phrase.of("the tip of ").then(Phrase.Kind.BRANCH, branch).then(" (").then(Phrase.Kind.SHA, sha)
        .then(")");
    if (saysUnmerged) {
      return mergedInto.isEmpty()
          ? new CheckedClaim(c, Verdict.TRUE, tip.then(" is not in HEAD: not merged yet"), cmd)
          : new CheckedClaim(c, Verdict.FALSE, Phrase.of("says \"" + c.command() + "\", but ").then(tip)
              .then(" is already in ").then(Phrase.Kind.REF, shortName(mergedInto)), cmd);
    }
    return mergedInto.isEmpty()
        ? new CheckedClaim(c, Verdict.UNVERIFIABLE, tip.then(" is not in HEAD nor the fork branch; it may be merged "
            + "elsewhere"), cmd)
        : new CheckedClaim(c, Verdict.TRUE, tip.then(" is in ").then(Phrase.Kind.REF, shortName(mergedInto)), cmd);
  }

  CheckedClaim prepared(Claim c) {
    if (!ctx.settings().upstreamRef().isSet()) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "no upstream ref is set, so a branch's own commits cannot be "
          + "counted: set upstream_ref in forkstate.yml", "git remote -v");
    }
    String upstream = ctx.settings().upstreamRef().value();
    Map<String, String> branches = prBranches();
    if (branches.isEmpty()) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "no local or remote-tracking branch matches pr_branches "
          + ctx.settings().prBranches() + ": the pull requests may exist only on GitHub",
          "git for-each-ref --format='%(refname:short)' refs/heads refs/remotes");
    }
    List<String> empty = new ArrayList<>();
    List<String> own = new ArrayList<>();
    String firstEmpty = null;
    for (Map.Entry<String, String> b : branches.entrySet()) {
      CommandResult n = ctx.git().run("rev-list", "--count", upstream + ".." + b.getValue());
      String count = GitCli.firstLine(n);
      if (!n.ok() || count.isEmpty()) {
        return new CheckedClaim(c, Verdict.UNVERIFIABLE, "could not count the commits of " + b.getKey() + " against "
            + upstream, n.display());
      }
      (count.equals("0") ? empty : own).add(b.getKey() + (count.equals("0") ? "" : " (" + count + ")"));
      if (count.equals("0") && firstEmpty == null) {
        firstEmpty = b.getValue();
      }
    }
    String shown = firstEmpty != null ? firstEmpty : branches.values().iterator().next();
    String cmd = "git rev-list --count " + ShellQuote.quote(upstream + ".." + shown);
    if (!empty.isEmpty()) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("PR branch").then(empty.size() > 1 ? "es " : " ")
          .then(Phrase.items(Phrase.Kind.BRANCH, empty, ", ")).then(" " + (empty.size() > 1 ? "have" : "has")
          + " no commit of " + (empty.size() > 1 ? "their" : "its") + " own against ").then(Phrase.Kind.REF, upstream),
          cmd);
    }
    int claimed = ProseClaims.count(c.subject());
    if (claimed > own.size()) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "the report says " + claimed + "; " + own.size()
          + " PR branch(es) are here, the rest may exist only on GitHub: " + String.join(", ", own), cmd);
    }
    return new CheckedClaim(c, Verdict.TRUE, Phrase.of("each PR branch has commits of its own against ")
        .then(Phrase.Kind.REF, upstream).then(": " + String.join(", ", own)), cmd);
  }

  /** Short name to ref, local branches first, then remote-tracking ones under any remote. */
  private Map<String, String> prBranches() {
    Map<String, String> out = new TreeMap<>();
    List<Pattern> globs = ctx.settings().prBranches().stream().map(BranchCheck::glob).toList();
    for (String ref : GitCli.lines(ctx.git().run("for-each-ref", "--format=%(refname)", "refs/heads",
        "refs/remotes"))) {
      String shortName = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length())
          : ref.replaceFirst("^refs/remotes/[^/]+/", "");
      if (globs.stream().anyMatch(g -> g.matcher(shortName).matches()) && !shortName.equals("HEAD")) {
        out.putIfAbsent(shortName, ref.startsWith("refs/heads/") ? shortName
            : ref.substring("refs/remotes/".length()));
        if (ref.startsWith("refs/heads/")) {
          out.put(shortName, shortName);
        }
      }
    }
    return out;
  }

  private static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (char ch : g.toCharArray()) {
      re.append(ch == '*' ? "[^/]*" : Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(re.toString());
  }

  private static String shortName(String ref) {
    return ref.replaceFirst("^refs/(heads|tags)/", "").replaceFirst("^refs/remotes/", "");
  }
}
