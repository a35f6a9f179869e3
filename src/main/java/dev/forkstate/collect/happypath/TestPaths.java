package dev.forkstate.collect.happypath;

import java.util.Set;

/** Which Python paths are test code: under tests/, test/, t/ or testing/, or named test_*.py, *_test.py, conftest.py. */
final class TestPaths {
  private static final Set<String> DIRS = Set.of("tests", "test", "t", "testing");

  private TestPaths() {}

  static boolean isTest(String path) {
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (DIRS.contains(parts[i])) {
        return true;
      }
    }
    String name = parts[parts.length - 1];
    return name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py");
  }
}
