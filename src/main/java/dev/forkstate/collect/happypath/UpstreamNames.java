package dev.forkstate.collect.happypath;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Which candidate names upstream's own Python code (at the merge-base) already contains, as {@code git grep -q -F -e
 * NAME BASE -- '*.py'} answers for each name, asked with one {@code git grep} for all of them: one walk over
 * upstream's files instead of one per name (hundreds on a large diff). git prints every line that contains any of the
 * names; a name is upstream's when one of those lines contains it. Lines, not {@code -o} matches: a match printed for
 * one name can hide another that overlaps it ("AB" in "ABC" hides "BC"). When that one run cannot be read whole (an
 * error, output past the cap), each name is asked on its own, as before.
 */
final class UpstreamNames {
  private UpstreamNames() {}

  static Set<String> found(GitCli git, Executor pool, String base, Set<String> candidates) {
    Set<String> batched = new TreeSet<>();
    List<String> alone = new ArrayList<>();
    for (String n : candidates) {
      // An empty pattern matches every line and a newline splits a pattern in two: such names are asked alone.
      (n.isEmpty() || n.indexOf('\n') >= 0 ? alone : batched).add(n);
    }
    Set<String> out = new HashSet<>();
    if (!batched.isEmpty()) {
      CommandResult r = git.run(args(base, batched), null);
      Integer exit = r.exitCode();
      if (exit != null && exit == 1 && r.stderr().isBlank()) {
        batched.clear(); // git grep's "no line matched"
      } else if (r.ok() && r.stdoutWhole()) {
        out.addAll(contained(batched, r.stdout()));
        batched.clear();
      }
    }
    alone.addAll(batched);
    out.addAll(oneByOne(git, pool, base, alone));
    return out;
  }

  static List<String> args(String base, Set<String> names) {
    List<String> args = new ArrayList<>(List.of("grep", "-h", "-I", "-F", "--no-color"));
    names.forEach(n -> {
      args.add("-e");
      args.add(n);
    });
    args.addAll(List.of(base, "--", "*.py"));
    return args;
  }

  /** The names that some printed line contains. */
  static Set<String> contained(Set<String> names, String lines) {
    Set<String> left = new HashSet<>(names);
    Set<String> out = new HashSet<>();
    for (String line : lines.split("\n")) {
      for (var it = left.iterator(); it.hasNext(); ) {
        String n = it.next();
        if (line.contains(n)) {
          out.add(n);
          it.remove();
        }
      }
      if (left.isEmpty()) {
        break;
      }
    }
    return out;
  }

  /** One {@code git grep -q} per name, side by side. */
  private static Set<String> oneByOne(GitCli git, Executor pool, String base, List<String> names) {
    List<CompletableFuture<Boolean>> found = names.stream().map(n -> CompletableFuture.supplyAsync(() ->
        git.run("grep", "-q", "-F", "-e", n, base, "--", "*.py").ok(), pool)).toList();
    Set<String> out = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (found.get(i).join()) {
        out.add(names.get(i));
      }
    }
    return out;
  }
}
