package dev.forkstate.support;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.secret.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small real repositories for collector tests, built with pinned dates through {@link GitScript}. */
public final class Repos {
  private Repos() {}

  /** A repository on main with one commit, a Python package and the given smoke tests (path -> content). */
  public static GitScript python(Path dir, Map<String, String> env, Map<String, String> files) {
    GitScript g = new GitScript(dir, env, 0).init();
    g.write("pkg/__init__.py", "VALUE = 2\n");
    files.forEach(g::write);
    return g.commit("initial");
  }

  /** An upstream with two commits and a fork cloned from it (remote "upstream"), on branch fork/stable. */
  public static GitScript[] fork(Path root, Map<String, String> env) {
    GitScript up = new GitScript(root.resolve("up"), env, 0).init();
    up.write("lib/a.py", "A = 1\n").commit("a").write("lib/b.py", "B = 1\n").commit("b").tag("v1");
    GitScript fork = up.cloneTo(root.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.git("switch", "-q", "-c", "fork/stable");
    fork.write("lib/a.py", "A = 1\nFLAG = 'x'\n").write("fork/new.py", "N = 1\n").commit("fork work");
    up.write("lib/c.py", "C = 1\n").commit("c");
    fork.git("fetch", "-q", "upstream");
    return new GitScript[] {up, fork};
  }

  /**
   * Commits {@code n} small files (plugins/group_NNN/generated_module_NNNNN.py, 100 a folder) on the current
   * branch in one commit, through git fast-import: one pack instead of n loose objects and n files on disk, so
   * 12,000 files take well under a second. The work tree and index are left as they were, so
   * {@code git status} shows the n files as staged deletions: n lines of status output too.
   */
  public static void addGenerated(GitScript g, Map<String, String> env, int n) {
    String head = g.git("rev-parse", "HEAD").strip();
    String branch = g.git("symbolic-ref", "HEAD").strip();
    String message = "add " + n + " generated files\n";
    StringBuilder s = new StringBuilder("commit " + branch + "\ncommitter Demo Dev <dev@example.invalid> 1767312000 "
        + "+0000\ndata " + message.length() + "\n" + message + "from " + head + "\n");
    for (int i = 0; i < n; i++) {
      String content = "VALUE_" + i + " = " + i + "\n";
      s.append(String.format("M 100644 inline plugins/group_%03d/generated_module_%05d.py\ndata %d\n%s\n", i / 100,
          i, content.length(), content));
    }
    try {
      Path stream = Files.createTempFile(g.dir().resolve(".git"), "fast-import", ".txt");
      Files.writeString(stream, s.toString(), StandardCharsets.UTF_8);
      CommandResult r = new CommandRunner(env, Redactor.none()).run(g.dir(), Duration.ofMinutes(1),
          List.of("bash", "-c", "git fast-import --quiet < " + ShellQuote.quote(stream.toString())));
      Files.delete(stream);
      if (!r.ok()) {
        throw new IllegalStateException("git fast-import failed: " + r.firstErrorLine());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
