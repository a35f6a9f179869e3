package dev.forkstate.collect.upstream;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.exec.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The branches prepared as upstream pull requests: refs matching the pr_branches patterns among the local branches
 * ({@code refs/heads}) and the remote-tracking branches ({@code refs/remotes/<remote>/}) of every remote except the
 * upstream ref's own (upstream's branches are not the fork's PRs). A fresh clone has its PR branches only as
 * {@code origin/pr/*}. A branch both local and remote-tracking is measured once, from the local branch; its twins are
 * named.
 */
final class PrRefs {
  /**
   * One PR branch: its name on GitHub ({@code pr/x}), the ref measured ({@code pr/x} or {@code origin/pr/x}) and the
   * other refs with the same name that were not measured.
   */
  record PrRef(String name, String ref, boolean local, List<String> twins) {}

  private PrRefs() {}

  /**
   * {@code git for-each-ref} over both namespaces, run once per run (the PR branches and the PR lookups both list
   * them); the caller reads it with {@link #parse}.
   */
  static CommandResult list(CollectContext ctx, List<String> patterns) {
    List<String> args = new ArrayList<>(List.of("for-each-ref", "--format=%(refname)"));
    for (String p : patterns) {
      args.add("refs/heads/" + p);
      args.add("refs/remotes/*/" + p);
    }
    return ctx.shared().run(args);
  }

  /**
   * The PR branches in name order. {@code upstreamRemote} is skipped; {@code forkRemote} is preferred when only
   * remote-tracking refs exist.
   */
  static List<PrRef> parse(List<String> refnames, List<String> patterns, String upstreamRemote, String forkRemote) {
    Map<String, List<String[]>> byName = new TreeMap<>();
    for (String full : refnames) {
      String name;
      String shown;
      boolean local;
      if (full.startsWith("refs/heads/")) {
        name = full.substring("refs/heads/".length());
        shown = name;
        local = true;
      } else if (full.startsWith("refs/remotes/")) {
        String rest = full.substring("refs/remotes/".length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.substring(0, slash).equals(upstreamRemote)) {
          continue;
        }
        name = rest.substring(slash + 1);
        shown = rest;
        local = false;
        if (name.equals("HEAD")) {
          continue;
        }
      } else {
        continue;
      }
      // for-each-ref's '*' also crosses '/', so refs/remotes/*/pr/* matches origin/x/pr/y: keep names that match.
      if (patterns.stream().anyMatch(p -> matches(p, name))) {
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new String[] {shown, local ? "0"
            : shown.startsWith(forkRemote + "/") ? "1" : "2"});
      }
    }
    List<PrRef> out = new ArrayList<>();
    byName.forEach((name, refs) -> {
      refs.sort((a, b) -> a[1].equals(b[1]) ? a[0].compareTo(b[0]) : a[1].compareTo(b[1]));
      List<String> twins = refs.stream().skip(1).map(r -> r[0]).toList();
      out.add(new PrRef(name, refs.get(0)[0], refs.get(0)[1].equals("0"), twins));
    });
    return out;
  }

  /** As git for-each-ref matches a pattern: a glob where '*' crosses '/', or a literal prefix up to a slash. */
  static boolean matches(String pattern, String name) {
    if (name.equals(pattern) || name.startsWith(pattern.endsWith("/") ? pattern : pattern + "/")) {
      return true;
    }
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.matches(re.toString(), name);
  }
}
