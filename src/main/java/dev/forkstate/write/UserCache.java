package dev.forkstate.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * forkstate's per-user cache folder ($XDG_CACHE_HOME/forkstate, else ~/.cache/forkstate): files that forkstate.jar
 * carries and that must be files on disk to be used (the SQLite driver's native library, the model SDK's jar) are
 * copied there once and found there by later runs, instead of being copied out on every run. Each file is named by
 * what identifies its bytes (a version, a checksum), so a newer forkstate never uses an older copy.
 */
public final class UserCache {
  private UserCache() {}

  /** Where the bytes of a cached file come from: a stream to read whole, or null when there are none. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /** The cache folder, or null when the environment names no home (nothing is cached then). */
  public static Path dir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && xdg.startsWith("/")) {
      return Path.of(xdg, "forkstate");
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "forkstate");
  }

  /**
   * The file {@code name} in {@code dir}, copied from {@code source} when it is not there yet; null when the source
   * has no bytes. A partial copy never carries the final name: it is written aside, then moved, so a run that stops
   * half way, or two runs copying at once, leave either no file or a whole one. The folder is the owner's only: what
   * is cached here is loaded into the JVM, so no other user may replace it.
   */
  public static Path copyOnce(Path dir, String name, Source source) throws IOException {
    Path file = dir.resolve(name);
    if (Files.isRegularFile(file)) {
      return file;
    }
    try (InputStream in = source.open()) {
      if (in == null) {
        return null;
      }
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Path part = Files.createTempFile(dir, name, ".part");
      try {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another run put it there first: the same bytes, by the name.
      } finally {
        Files.deleteIfExists(part);
      }
      return Files.isRegularFile(file) ? file : null;
    }
  }
}
