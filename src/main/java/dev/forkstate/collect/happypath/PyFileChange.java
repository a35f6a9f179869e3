package dev.forkstate.collect.happypath;

import dev.forkstate.collect.python.PyModule;

/**
 * One Python file the fork changed since the merge-base: its path, its module name, and what the scanner read from
 * the upstream version ({@code before}, null for a file the fork added) and from HEAD ({@code after}, null for a
 * file the fork deleted).
 */
record PyFileChange(String path, PyModule before, PyModule after) {
  boolean added() {
    return before == null;
  }

  /** "minillm/router_core/__init__.py" is module "minillm.router_core"; a leading src/ is not part of the name. */
  String module() {
    String p = path.startsWith("src/") ? path.substring(4) : path;
    p = p.endsWith("/__init__.py") ? p.substring(0, p.length() - "/__init__.py".length())
        : p.endsWith(".py") ? p.substring(0, p.length() - 3) : p;
    return p.replace('/', '.');
  }
}
