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

  String module() {
    return PyModule.nameOf(path);
  }
}
