package dev.forkstate.collect.happypath;

import java.util.List;
import java.util.Set;

/**
 * A top-level package a changed file now imports unguarded at module level: the package, the dotted names the
 * file's imports spell under it (google.genai), the file and its module name. Whether it is optional, a test's
 * import, the standard library or the project's own is decided from this, not from any display text.
 */
record NewImport(String pkg, List<String> paths, String file, String module) {
  NewImport {
    paths = List.copyOf(paths);
  }

  static NewImport of(String pkg, Set<String> importPaths, String file, String module) {
    return new NewImport(pkg, importPaths.stream().filter(p -> p.equals(pkg) || p.startsWith(pkg + ".")).sorted()
        .toList(), file, module);
  }
}
