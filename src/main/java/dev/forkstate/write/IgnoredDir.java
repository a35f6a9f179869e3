package dev.forkstate.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder forkstate keeps state in (caches, history) inside the user's repository: created with a .gitignore of
 * "*" so it ignores itself, the way pytest's cache does, and never shows up as untracked or gets committed.
 */
public final class IgnoredDir {
  private IgnoredDir() {}

  public static Path create(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path ignore = dir.resolve(".gitignore");
    if (!Files.exists(ignore)) {
      AtomicWriter.write(ignore, "# written by forkstate: its caches stay out of git\n*\n", null);
    }
    return dir;
  }
}
