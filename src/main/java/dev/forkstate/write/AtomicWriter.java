package dev.forkstate.write;

import dev.forkstate.error.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * git's lockfile protocol: write into {@code <file>.lock} (created exclusively, so two writers cannot race), flush
 * it to disk, then rename it over the target. Readers see the old file or the new one, never a partial one; a
 * process killed mid-write leaves the old file and a stale lock that the next run reports.
 */
public final class AtomicWriter {
  /** Locks this process holds right now; a shutdown hook removes them on exit or SIGTERM (git's tempfile.c). */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  /**
   * Every write holds the read side from before its lock file exists until it is renamed or removed. On shutdown the
   * hook takes the write side (fair: no new write gets in once it waits) and never gives it back, so a write in
   * flight finishes whole and none starts; the JVM cannot halt between creating a lock and registering it.
   */
  private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock(true);

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        GATE.writeLock().tryLock(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      HELD.forEach(AtomicWriter::deleteQuietly); // only a write stuck for 5 s still holds one
    }, "forkstate-lock-cleanup"));
  }

  private AtomicWriter() {}

  public static void write(Path target, String content) {
    write(target, content, null);
  }

  /**
   * Writes like {@link #write(Path, String)}, but first checks, under the lock, that the target is still as it was
   * read ({@code expected}; null skips the check). A file edited since it was read is never overwritten: the user's
   * version stays and the run stops.
   */
  public static void write(Path target, String content, FileSnapshot expected) {
    write(target, content.getBytes(StandardCharsets.UTF_8), expected);
  }

  /** As {@link #write(Path, String, FileSnapshot)}, for bytes that must land unchanged (a backup of a user's file). */
  public static void write(Path target, byte[] content, FileSnapshot expected) {
    GATE.readLock().lock();
    try {
      writeLocked(target, content, expected);
    } finally {
      GATE.readLock().unlock();
    }
  }

  private static void writeLocked(Path target, byte[] content, FileSnapshot expected) {
    Path abs = target.toAbsolutePath();
    // A link is refused, not followed: renaming over it would replace the link, following it writes outside.
    OutputPath.check(abs);
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UserError("cannot write " + target + ": folder " + dir + " does not exist", null,
          "create it first or choose another --out");
    }
    Path lock = dir.resolve(abs.getFileName() + ".lock");
    FileChannel ch;
    try {
      ch = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new UserError("another forkstate is writing " + target + ", or " + lock.getFileName() + " is stale",
          lock.toString(), "delete it if no forkstate is running");
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage(), null, "check the folder's permissions");
    }
    HELD.add(lock);
    if (expected != null && !expected.equals(FileSnapshot.read(abs))) {
      HELD.remove(lock);
      deleteQuietly(lock);
      throw new UserError(target + " was edited while forkstate ran; your version is kept", null,
          "run forkstate again");
    }
    boolean committed = false;
    try (ch) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
      copyPermissions(abs, lock);
      try {
        Files.move(lock, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(lock, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage(), null, "check free space and permissions");
    } finally {
      HELD.remove(lock);
      if (!committed) {
        deleteQuietly(lock);
      }
    }
  }

  private static void deleteQuietly(Path lock) {
    try {
      Files.deleteIfExists(lock);
    } catch (IOException ignored) {
      // Nothing more can be done; the next run names the stale lock.
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(from);
      Files.setPosixFilePermissions(to, perms);
    } catch (NoSuchFileException | UnsupportedOperationException e) {
      // New file, or a file system without POSIX permissions: the default mode is right.
    }
  }
}
