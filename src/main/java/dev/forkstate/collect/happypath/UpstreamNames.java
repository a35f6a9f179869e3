package dev.forkstate.collect.happypath;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Which candidate names upstream's own Python code (at the merge-base) already contains, as {@code git grep -q -F -e
 * NAME BASE -- '*.py'} answers for each name, asked with one {@code git grep} for all of them: one walk over
 * upstream's files instead of one per name (hundreds on a large diff). git prints every line that contains any of the
 * names; a name is upstream's when one of those lines contains it. Lines, not {@code -o} matches: a match printed for
 * one name can hide another that overlaps it ("AB" in "ABC" hides "BC"). When that one run cannot be read whole (an
 * error, output past the cap), each name is asked on its own, as before. Names count whole: git's fixed-string
 * match finds the lines, and a name is upstream's only when a line holds it not inside a longer name ({@link
 * #wholeName}): upstream's --destination does not make a fork's --dest old.
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

  /** An extended regex for the name not inside a longer one (letters, digits, _ and - go on a name). */
  static String wholeName(String name) {
    return "(^|[^A-Za-z0-9_-])" + name.replaceAll("[.\\[\\]()*+?{}|^$\\\\]", "\\\\$0") + "($|[^A-Za-z0-9_-])";
  }

  /** The names that some printed line contains as a whole name. */
  static Set<String> contained(Set<String> names, String lines) {
    Map<String, Pattern> left = new HashMap<>();
    names.forEach(n -> left.put(n, Pattern.compile(wholeName(n))));
    Set<String> out = new HashSet<>();
    for (String line : lines.split("\n")) {
      for (var it = left.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        String n = e.getKey();
        if (line.contains(n) && e.getValue().matcher(line).find()) {
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

  /** One {@code git grep -q -E} per name (as a whole name), side by side. */
  private static Set<String> oneByOne(GitCli git, Executor pool, String base, List<String> names) {
    List<CompletableFuture<Boolean>> found = names.stream().map(n -> CompletableFuture.supplyAsync(() ->
        git.run("grep", "-q", "-E", "-e", wholeName(n), base, "--", "*.py").ok(), pool)).toList();
    Set<String> out = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (found.get(i).join()) {
        out.add(names.get(i));
      }
    }
    return out;
  }
}
