package dev.forkstate.support;

import dev.forkstate.app.demo.GitScript;
import java.nio.file.Path;
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
}
