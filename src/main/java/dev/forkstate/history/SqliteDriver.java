package dev.forkstate.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Gets sqlite-jdbc ready before history is opened. By default the driver copies its 1.1 MB native library out of the
 * jar into the temp folder on every run, reads it back byte by byte to compare, and deletes it at exit. Instead the
 * library is copied once into a per-user cache folder ($XDG_CACHE_HOME/forkstate, else ~/.cache/forkstate), named by
 * the driver's version, and the driver is pointed at it with its documented properties (org.sqlite.lib.path and
 * org.sqlite.lib.name; org.sqlite.tmpdir so its clean-up lists that small folder rather than /tmp). When the cache
 * cannot be used (no home, a read-only home) nothing is set and the driver extracts as before; when the cached file
 * does not load, the driver falls back to extracting on its own.
 */
public final class SqliteDriver {
  private static boolean ready;

  private SqliteDriver() {}

  /**
   * Loads the driver and its native library (idempotent, thread-safe): called early on a spare thread, so the cost
   * overlaps the git commands, and again before history is opened, which then finds it done.
   */
  public static synchronized void prepare(Map<String, String> env) {
    if (ready) {
      return;
    }
    ready = true;
    useCache(env);
    try {
      SQLiteJDBCLoader.initialize();
      Class.forName("org.sqlite.JDBC");
    } catch (Exception | LinkageError e) {
      // Opening the database reports the failure, with the reason, as history unavailable.
    }
  }

  /** The per-user cache folder for the native library, or null when the environment names no home. */
  static Path cacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && xdg.startsWith("/")) {
      return Path.of(xdg, "forkstate");
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "forkstate");
  }

  /** Copies the library into the cache once and points the driver at it; no-op when it cannot. */
  static void useCache(Map<String, String> env) {
    Path dir = cacheDir(env);
    if (dir == null || System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    try {
      Path lib = cached(dir);
      if (lib != null) {
        System.setProperty("org.sqlite.lib.path", dir.toString());
        System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
        System.setProperty("org.sqlite.tmpdir", dir.toString());
      }
    } catch (IOException | RuntimeException e) {
      // The driver extracts to the temp folder as it does without a cache.
    }
  }

  /**
   * The driver's native library in {@code dir}, named by the driver's version, copied there when absent; null when
   * the jar has none for this platform. A partial copy never carries the final name: it is written aside, then moved.
   */
  static Path cached(Path dir) throws IOException {
    String name = "forkstate-" + SQLiteJDBCLoader.getVersion() + "-" + LibraryLoaderUtil.getNativeLibName();
    Path lib = dir.resolve(name);
    if (Files.isRegularFile(lib)) {
      return lib;
    }
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      if (!Files.isDirectory(dir)) {
        // Owner-only: a library loaded into the JVM must not be replaceable by another user.
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Path part = Files.createTempFile(dir, name, ".part");
      try {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another run put it there first: the same bytes.
      } finally {
        Files.deleteIfExists(part);
      }
      return Files.isRegularFile(lib) ? lib : null;
    }
  }
}
