package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.Phrase.Kind.SHA;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fork-side merges that a later fork commit undid whole: the commit's tree is the merge's first parent's tree. A real
 * instructor fork merged 97 upstream commits, then reverted the merge: git counts them merged (0 behind, "has every
 * commit of upstream"), the tree holds none of them, and a plain {@code git merge} of upstream brings nothing back.
 * Only whole reverts are found (a tree equal to the pre-merge tree): a partial revert is not measured.
 */
final class RevertedMerges {
  private RevertedMerges() {}

  static Fact measure(GitCli git, String upstream) {
    String range = upstream + "..HEAD";
    CommandResult merges = git.run(List.of("rev-list", "--merges", "--parents", range),
        "git rev-list --merges --parents " + ShellQuote.quote(range));
    String why = GitCli.unreadable(merges, "git rev-list failed: ");
    if (!why.isEmpty()) {
      return Fact.unknown(FactIds.UPSTREAM_REVERTED_MERGES, why, merges.evidence());
    }
    List<String[]> ms = GitCli.lines(merges).stream().map(l -> l.strip().split("\\s+")).filter(p -> p.length >= 3)
        .toList();
    if (ms.isEmpty()) {
      return found(List.of(), merges.evidence());
    }
    CommandResult trees = git.run(List.of("log", "--no-merges", "--format=%H %T", range),
        "git log --no-merges --format='%H %T' " + ShellQuote.quote(range));
    List<String> firstParents = ms.stream().map(p -> p[1]).toList();
    List<String> args = new ArrayList<>(List.of("log", "--no-walk=unsorted", "--format=%H %T"));
    args.addAll(firstParents);
    CommandResult before = git.run(args, "git log --no-walk=unsorted --format='%H %T' " + String.join(" ",
        firstParents));
    why = GitCli.unreadable(trees, "git log failed: ") + GitCli.unreadable(before, "git log failed: ");
    if (!why.isEmpty()) {
      return Fact.unknown(FactIds.UPSTREAM_REVERTED_MERGES, why, trees.evidence(), before.evidence());
    }
    Map<String, String> treeOf = new HashMap<>();
    for (String l : GitCli.lines(before)) {
      String[] p = l.strip().split(" ");
      if (p.length == 2) {
        treeOf.put(p[0], p[1]);
      }
    }
    List<String[]> commits = GitCli.lines(trees).stream().map(l -> l.strip().split(" ")).filter(p -> p.length == 2)
        .toList();
    List<Phrase> out = new ArrayList<>();
    List<Evidence> ev = new ArrayList<>(List.of(merges.evidence(), trees.evidence(), before.evidence()));
    for (String[] m : ms) {
      String preTree = treeOf.get(m[1]);
      for (String[] c : commits) {
        // The first parent itself has that tree too: only a commit that comes after the merge undoes it.
        if (c[1].equals(preTree) && !c[0].equals(m[1])
            && git.run("merge-base", "--is-ancestor", m[0], c[0]).ok()) {
          // What of upstream's history the merge brought: a merge of the fork's own branch is no upstream merge.
          CommandResult common = git.run("merge-base", m[2], upstream);
          CommandResult brought = git.run("rev-list", "--count", m[1] + ".." + GitCli.firstLine(common));
          String n = GitCli.firstLine(brought);
          if (!common.ok() || !brought.ok() || !n.matches("\\d+") || Long.parseLong(n) == 0) {
            break;
          }
          ev.add(brought.evidence());
          out.add(Phrase.of(SHA, c[0].substring(0, 8)).then(" reverts merge ").then(SHA, m[0].substring(0, 8))
              .then(" whole (its tree is the tree before the merge, ").then(SHA, m[1].substring(0, 8)).then("): the "
              + Noun.count(Long.parseLong(n), "commit") + " of ").then(dev.forkstate.fact.Phrase.Kind.REF, upstream)
              .then(" it brought are in the history, not in the tree"));
          break;
        }
      }
    }
    return found(out, ev.toArray(Evidence[]::new));
  }

  private static Fact found(List<Phrase> reverts, Evidence... ev) {
    return Fact.of(FactIds.UPSTREAM_REVERTED_MERGES, Status.INFO, new Value.Items(reverts), reverts.isEmpty()
        ? Phrase.of("no fork-side merge reverted whole")
        : Phrase.of(Noun.count(reverts.size(), "fork-side merge") + " reverted whole: what "
            + (reverts.size() == 1 ? "it" : "they") + " brought is in the history, not in the tree"), ev);
  }
}
