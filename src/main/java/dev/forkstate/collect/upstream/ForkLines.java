package dev.forkstate.collect.upstream;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.ConflictKind;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The lines the fork changed in each conflicted file since the merge-base, following renames on both sides: the
 * fork's diff is read with rename detection (a file the fork renamed keeps its lines under both names), and a file
 * upstream renamed (merge-base path {@code a.py}, now {@code b.py}) gets the fork's lines in {@code a.py}. Without
 * that, a conflict in a file upstream renamed reads "fork changed 0 lines".
 */
final class ForkLines {
  /** The conflicts with their line counts, or why the counts could not be read (and the command that failed). */
  record Result(List<Value.Conflict> conflicts, String why, CommandResult failed, CommandResult forkDiff) {}

  private ForkLines() {}

  static Result measure(GitCli git, Executor pool, String base, String upstream,
      Map<String, List<ConflictKind>> conflicts) {
    // -l7000: the rename limit git's merge uses (merge.renameLimit), so both see the same renames. The two diffs
    // are independent and run side by side.
    CompletableFuture<CommandResult> renamesRun = CompletableFuture.supplyAsync(() -> git.run(List.of("diff", "-M",
        "-l7000", "--diff-filter=R", "--name-status", "-z", base, upstream),
        "git diff -M -l7000 --diff-filter=R --name-status $(git merge-base HEAD " + ShellQuote.quote(upstream) + ") "
            + ShellQuote.quote(upstream)), pool);
    CommandResult fork = git.run(List.of("diff", "-M", "-l7000", "--numstat", "-z", base, "HEAD"),
        "git diff -M -l7000 --numstat $(git merge-base HEAD " + ShellQuote.quote(upstream) + ") HEAD");
    CommandResult renames = renamesRun.join();
    String why = GitCli.unreadable(fork, "git diff failed: ");
    if (!why.isEmpty()) {
      return new Result(List.of(), why, fork, fork);
    }
    why = GitCli.unreadable(renames, "git diff failed: ");
    if (!why.isEmpty()) {
      return new Result(List.of(), why, renames, fork);
    }
    List<NumstatParser.Entry> forkEntries = NumstatParser.entries(fork.stdout());
    List<Value.Conflict> counted = attribute(forkEntries, renames(renames.stdout()), conflicts);
    // git gives up on rename detection past its limit (and says so on stderr); a conflicted file the fork's diff does
    // not name may then be a rename whose lines went uncounted: "0 lines" would be a guess that makes it look light.
    boolean skipped = RENAMES_SKIPPED.matcher(fork.stderr() + renames.stderr()).find();
    java.util.Set<String> named = new java.util.HashSet<>();
    forkEntries.forEach(e -> {
      named.add(e.path());
      named.add(e.from());
    });
    if (skipped && counted.stream().anyMatch(c -> !named.contains(c.path()) && c.renamedFrom().isEmpty())) {
      return new Result(List.of(), "git skipped rename detection (too many files, see diff.renameLimit), so the "
          + "fork's lines in a renamed file are not known", renames, fork);
    }
    return new Result(counted, "", null, fork);
  }

  private static final java.util.regex.Pattern RENAMES_SKIPPED =
      java.util.regex.Pattern.compile("rename detection was skipped");

  /** {@code git diff --name-status -z --diff-filter=R}: "R095 NUL old NUL new NUL" -> new path to old path. */
  static Map<String, String> renames(String z) {
    Map<String, String> out = new HashMap<>();
    String[] f = z.split("\0", -1);
    for (int i = 0; i + 2 < f.length; i++) {
      String status = f[i].strip();
      if (status.startsWith("R") || status.startsWith("C")) {
        out.put(f[i + 2], f[i + 1]);
        i += 2;
      }
    }
    return out;
  }

  static List<Value.Conflict> attribute(List<NumstatParser.Entry> fork, Map<String, String> upstreamRenames,
      Map<String, List<ConflictKind>> conflicts) {
    Map<String, Long> lines = new HashMap<>();
    for (NumstatParser.Entry e : fork) {
      lines.merge(e.path(), e.lines(), Long::sum);
      if (!e.from().isEmpty()) {
        lines.merge(e.from(), e.lines(), Long::sum);
      }
    }
    List<Value.Conflict> out = new ArrayList<>();
    conflicts.forEach((path, kinds) -> {
      String from = upstreamRenames.getOrDefault(path, "");
      long n = lines.containsKey(path) ? lines.get(path) : from.isEmpty() ? 0 : lines.getOrDefault(from, 0L);
      out.add(new Value.Conflict(path, kinds, n, lines.containsKey(path) ? "" : from));
    });
    return out;
  }
}
