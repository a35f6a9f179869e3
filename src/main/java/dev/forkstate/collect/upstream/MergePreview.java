package dev.forkstate.collect.upstream;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What merging one commit into another would do, asked of git without touching the work tree or the index:
 * {@code git merge-tree --write-tree} (git 2.38 or newer). Clean, conflicting (each file with its conflict kinds), or
 * not known (older git, an error), with the command that reproduces it.
 */
record MergePreview(Outcome outcome, Map<String, List<String>> conflicts, String why, CommandResult run) {
  enum Outcome { CLEAN, CONFLICTS, UNKNOWN }

  /** Merging {@code theirs} into {@code ours}; shown with the names the user knows. */
  static MergePreview of(GitCli git, String ours, String theirs, boolean supported) {
    String shown = "git merge-tree --write-tree --name-only " + ShellQuote.quote(ours) + " " + ShellQuote.quote(theirs);
    if (!supported) {
      return new MergePreview(Outcome.UNKNOWN, Map.of(), "git merge-tree --write-tree needs git 2.38 or newer", null);
    }
    CommandResult r = git.run(List.of("merge-tree", "--write-tree", "--name-only", "-z", ours, theirs), shown);
    Integer exit = r.exitCode();
    if (exit != null && exit == 0) {
      return new MergePreview(Outcome.CLEAN, Map.of(), "", r);
    }
    if (exit == null || exit != 1) {
      return new MergePreview(Outcome.UNKNOWN, Map.of(), "git merge-tree failed: " + r.firstErrorLine(), r);
    }
    if (!r.stdoutWhole()) {
      // A cut list of conflicts names fewer files than there are.
      return new MergePreview(Outcome.UNKNOWN, Map.of(), "git merge-tree: " + r.cutReason(), r);
    }
    return new MergePreview(Outcome.CONFLICTS, parse(r.stdout()), "", r);
  }

  /**
   * The -z output: the tree id, the conflicted paths, an empty field, then messages as (path count, paths, stable
   * type, text). Each conflicted path gets the kinds of the CONFLICT messages that name it.
   */
  static Map<String, List<String>> parse(String z) {
    String[] f = z.split("\0", -1);
    Map<String, List<String>> out = new TreeMap<>();
    int i = 1;
    while (i < f.length && !f[i].isEmpty()) {
      out.put(f[i], new ArrayList<>());
      i++;
    }
    i++;
    while (i < f.length && !f[i].isEmpty()) {
      int n;
      try {
        n = Integer.parseInt(f[i].strip());
      } catch (NumberFormatException e) {
        break;
      }
      List<String> paths = List.of(f).subList(i + 1, Math.min(f.length, i + 1 + n));
      String type = i + 1 + n < f.length ? f[i + 1 + n] : "";
      if (type.startsWith("CONFLICT")) {
        String kind = type.replaceAll("^CONFLICT \\((.*)\\)$", "$1");
        for (String p : paths) {
          List<String> kinds = out.get(p);
          if (kinds != null && !kinds.contains(kind)) {
            kinds.add(kind);
          }
        }
      }
      i += n + 3;
    }
    return out;
  }

  /** "`a.py` (contents); `b.py` (modify/delete)". */
  Phrase describe() {
    List<Phrase> parts = new ArrayList<>();
    conflicts.forEach((p, kinds) -> parts.add(Phrase.of(Phrase.Kind.PATH, p)
        .then(kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")")));
    return Phrase.join(parts, "; ");
  }
}
