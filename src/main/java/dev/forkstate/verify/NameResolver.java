package dev.forkstate.verify;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says what a name cited in a report is, before anything is judged: a git ref (branch, remote-tracking branch, tag), a
 * path at HEAD (file or folder), or a Python module path ({@code extras/response_utils}, {@code extras.images}) found
 * under one of the project's packages. Reads the refs and the HEAD tree once, each with one git call.
 */
final class NameResolver {
  /** What a name resolved to: its kind, the object it names (a ref or a path) and the command that shows it. */
  record Resolved(String kind, String target, String command) {}

  private final GitCli git;
  private Set<String> refs;
  private Set<String> files;
  private Set<String> folders;
  private List<String> packages;
  private boolean treeWhole = true;

  NameResolver(GitCli git) {
    this.git = git;
  }

  /** A branch, a remote-tracking branch of any remote, or a tag with this name. */
  Optional<Resolved> ref(String name) {
    String n = name.replaceAll("/+$", "");
    Set<String> all = refs();
    if (all.contains("refs/heads/" + n)) {
      return Optional.of(resolved("branch", "refs/heads/" + n));
    }
    if (all.contains("refs/tags/" + n)) {
      return Optional.of(resolved("tag", "refs/tags/" + n));
    }
    if (all.contains("refs/remotes/" + n)) {
      return Optional.of(resolved("remote-tracking branch", "refs/remotes/" + n));
    }
    for (String r : all) {
      // origin/fork/stable answers for fork/stable: a clone has the fork's branches only as remote-tracking refs.
      if (r.startsWith("refs/remotes/") && r.endsWith("/" + n) && r.indexOf('/', "refs/remotes/".length())
          == r.length() - n.length() - 1) {
        return Optional.of(resolved("remote-tracking branch", r));
      }
    }
    return Optional.empty();
  }

  private static Resolved resolved(String kind, String ref) {
    return new Resolved(kind, ref, "git for-each-ref --format='%(refname) %(objectname:short)' " + ref);
  }

  /** The first segment names a remote ("origin/x"): the name is meant as a remote-tracking branch. */
  boolean startsWithRemote(String name) {
    int slash = name.indexOf('/');
    if (slash <= 0) {
      return false;
    }
    String remote = name.substring(0, slash);
    return refs().stream().anyMatch(r -> r.startsWith("refs/remotes/" + remote + "/"));
  }

  /** A file or folder in the HEAD commit. */
  boolean atHead(String path) {
    tree();
    String p = path.replaceAll("/+$", "");
    return files.contains(p) || folders.contains(p);
  }

  /** The first path segment is a folder at HEAD, so the name is meant as a path into the tree. */
  boolean underTopFolder(String path) {
    tree();
    int slash = path.indexOf('/');
    return slash > 0 && folders.contains(path.substring(0, slash));
  }

  /** False when the tree listing was cut short: then nothing may be concluded from a name's absence. */
  boolean treeKnown() {
    tree();
    return treeWhole;
  }

  /**
   * The module file a module path names, searched at the root, under src/ and under each top-level package:
   * {@code extras/cache} is {@code litellm/extras/cache.py} when litellm is a package.
   */
  Optional<String> moduleFile(String modulePath) {
    tree();
    String base = modulePath.replace('.', '/').replaceAll("/+$", "");
    List<String> roots = new ArrayList<>(List.of("", "src/"));
    packages.forEach(p -> roots.add(p + "/"));
    for (String root : roots) {
      for (String candidate : List.of(root + base + ".py", root + base + "/__init__.py")) {
        if (files.contains(candidate)) {
          return Optional.of(candidate);
        }
      }
      if (!root.isEmpty() && folders.contains(root + base) && !base.isEmpty()) {
        return Optional.of(root + base); // a namespace package: a folder of modules without __init__.py
      }
    }
    return Optional.empty();
  }

  static String treeCommand(String path) {
    return "git ls-tree -r --name-only HEAD -- " + ShellQuote.quote(path);
  }

  private Set<String> refs() {
    if (refs == null) {
      refs = new TreeSet<>(GitCli.lines(git.run("for-each-ref", "--format=%(refname)")));
    }
    return refs;
  }

  private void tree() {
    if (files != null) {
      return;
    }
    files = new TreeSet<>();
    folders = new TreeSet<>();
    packages = new ArrayList<>();
    CommandResult r = git.run("ls-tree", "-r", "--name-only", "HEAD");
    treeWhole = r.ok() && r.stdoutWhole();
    for (String f : GitCli.lines(r)) {
      files.add(f);
      for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
        folders.add(f.substring(0, i));
      }
      // A top-level package: a folder at the root (or under src/) with an __init__.py.
      if (f.matches("(src/)?[A-Za-z_][A-Za-z0-9_]*/__init__\\.py")) {
        packages.add(f.substring(0, f.length() - "/__init__.py".length()));
      }
    }
    packages.sort(null);
  }
}
