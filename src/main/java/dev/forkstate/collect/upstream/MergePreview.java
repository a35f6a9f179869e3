package dev.forkstate.collect.upstream;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.ConflictKind;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What merging one commit into another would do, asked of git without touching the work tree or the index:
 * {@code git merge-tree --write-tree} (git 2.38 or newer). Clean, conflicting (each file with its conflict kinds), or
 * not known (older git, an error), with the command that reproduces it.
 */
record MergePreview(Outcome outcome, Map<String, List<ConflictKind>> conflicts, String why, CommandResult run) {
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
   * type, text). Each conflicted path gets the kinds of the CONFLICT messages that name it, read from the message text
   * ("CONFLICT (add/add): Merge conflict in x"): merge-ort files an add/add under the stable type "CONFLICT (contents)",
   * so the type alone cannot tell upstream adding the same file from a content conflict.
   */
  static Map<String, List<ConflictKind>> parse(String z) {
    Map<String, List<ConflictKind>> out = new TreeMap<>();
    for (String p : conflictedPaths(z)) {
      out.put(p, new ArrayList<>());
    }
    for (Message m : messages(z)) {
      m.kind().ifPresent(kind -> m.paths().forEach(p -> {
        List<ConflictKind> kinds = out.get(p);
        if (kinds != null && !kinds.contains(kind)) {
          kinds.add(kind);
        }
      }));
    }
    return out;
  }

  private static List<String> conflictedPaths(String z) {
    String[] f = z.split("\0", -1);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < f.length && !f[i].isEmpty(); i++) {
      out.add(f[i]);
    }
    return out;
  }

  /** One informational message of merge-tree -z: the paths it names, git's stable type and its text. */
  record Message(List<String> paths, String type, String text) {
    private static final Pattern CONFLICT = Pattern.compile("^CONFLICT ?\\(([^)]*)\\)");

    /** The conflict kind, from the text's "CONFLICT (kind):" else the stable type; empty for "Auto-merging". */
    java.util.Optional<ConflictKind> kind() {
      Matcher t = CONFLICT.matcher(text);
      if (t.find()) {
        return java.util.Optional.of(ConflictKind.fromGit(t.group(1)));
      }
      Matcher s = CONFLICT.matcher(type);
      return s.find() ? java.util.Optional.of(ConflictKind.fromGit(s.group(1))) : java.util.Optional.empty();
    }
  }

  static List<Message> messages(String z) {
    String[] f = z.split("\0", -1);
    int i = 1;
    while (i < f.length && !f[i].isEmpty()) {
      i++;
    }
    i++;
    List<Message> out = new ArrayList<>();
    while (i < f.length && !f[i].isEmpty()) {
      int n;
      try {
        n = Integer.parseInt(f[i].strip());
      } catch (NumberFormatException e) {
        break;
      }
      if (i + 2 + n >= f.length) {
        break;
      }
      // The message's own paths only: a copy of the whole output per message made a large merge quadratic.
      out.add(new Message(List.of(java.util.Arrays.copyOfRange(f, i + 1, i + 1 + n)), f[i + 1 + n],
          f[i + 2 + n].strip()));
      i += n + 3;
    }
    return out;
  }

  /** "`a.py` (content); `b.py` (modify/delete)". */
  Phrase describe() {
    List<Phrase> parts = new ArrayList<>();
    conflicts.forEach((p, kinds) -> parts.add(Phrase.of(Phrase.Kind.PATH, p)
        .then(kinds.isEmpty() ? "" : " (" + String.join(", ", kinds.stream().map(ConflictKind::label).toList()) + ")")));
    return Phrase.join(parts, "; ");
  }
}
