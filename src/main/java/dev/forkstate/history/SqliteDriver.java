package dev.forkstate.history;

import dev.forkstate.write.UserCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Gets sqlite-jdbc ready before history is opened. By default the driver copies its 1.1 MB native library out of the
 * jar into the temp folder on every run, reads it back byte by byte to compare, and deletes it at exit. Instead the
 * library is copied once into the per-user cache folder ({@link UserCache}), named by the driver's version, and the
 * driver is pointed at it with its documented properties (org.sqlite.lib.path and org.sqlite.lib.name;
 * org.sqlite.tmpdir so its clean-up lists that small folder rather than /tmp). When the cache
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

  /** Copies the library into the cache once and points the driver at it; no-op when it cannot. */
  static void useCache(Map<String, String> env) {
    Path dir = UserCache.dir(env);
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
   * the jar has none for this platform.
   */
  static Path cached(Path dir) throws IOException {
    String name = "forkstate-" + SQLiteJDBCLoader.getVersion() + "-" + LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    return UserCache.copyOnce(dir, name, () -> SQLiteJDBCLoader.class.getResourceAsStream(resource));
  }
}
