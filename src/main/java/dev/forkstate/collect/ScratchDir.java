package dev.forkstate.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing a temp folder forkstate made for a command's own files (a JUnit XML, a scanner's output). */
public final class ScratchDir {
  private ScratchDir() {}

  /** Deletes the folder and everything in it; null is nothing to delete. */
  public static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp file is harmless; failing the run over it is not.
    }
  }
}
