package dev.forkstate.collect;

import dev.forkstate.exec.ExitCleanup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A temp folder forkstate makes for a command's own files (a JUnit XML, a scanner's output): removed by its owner
 * when the command is done, and by {@link ExitCleanup} when forkstate is stopped first (SIGTERM, SIGINT), after the
 * processes that could still write into it are ended.
 */
public final class ScratchDir {
  private static final Map<Path, Runnable> PENDING = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private ScratchDir() {}

  /**
   * A new empty file in the temp folder, readable and writable by the user only, for a command to write into (git's
   * --output); its owner deletes it. Named by this JVM's pid, a counter and the clock, not at random as
   * {@link Files#createTempFile} names it: that seeds a SecureRandom on its first call, 9 ms of a run's CPU. The name
   * need not be secret: the file is created new (O_EXCL: anything already there, a link included, makes it fail and
   * the next name is tried), and in a sticky temp folder (/tmp) nobody else can move or replace it afterwards.
   */
  public static Path file(String prefix, String suffix) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    String stem = prefix + ProcessHandle.current().pid() + "-";
    for (int attempt = 0; ; attempt++) {
      Path file = tmp.resolve(stem + NEXT.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()) + suffix);
      try {
        return Files.createFile(file, OWNER_ONLY);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 99) {
          throw e;
        }
      }
    }
  }

  /** A new temp folder named {@code prefix...}, removed on the JVM's way out unless deleted before. */
  public static Path create(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runnable cleanup = () -> delete(dir);
    PENDING.put(dir, cleanup);
    if (!ExitCleanup.onExit(cleanup)) {
      PENDING.remove(dir);
      throw new IOException("forkstate is stopping: no new temp folder");
    }
    return dir;
  }

  /**
   * Deletes the folder and everything in it; null is nothing to delete. The exit cleanup is dropped only after the
   * folder is gone: the JVM halts once its hooks are done, and a delete it interrupts must still be done by the hook.
   */
  public static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    delete(dir);
    Runnable pending = PENDING.remove(dir);
    if (pending != null) {
      ExitCleanup.forget(pending);
    }
  }

  /** The owner and the exit hook may delete at once: what vanishes under a walk is retried, not an error. */
  private static void delete(Path dir) {
    for (int attempt = 0; attempt < 3 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); attempt++) {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException ignored) {
        // Removed meanwhile by the other deleter, or unreadable: look again; a leftover is harmless.
      }
    }
  }
}
