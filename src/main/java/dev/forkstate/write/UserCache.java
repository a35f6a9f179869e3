package dev.forkstate.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;

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
   * half way, or two runs copying at once, leave either no file or a whole one. What is cached here is loaded into
   * the JVM, so no other user may have put it there or be able to replace it: the folder is made the owner's only,
   * and a folder or file found there that is not the user's own, is writable by others, or is a symbolic link is
   * refused (an IOException: the caller does without the cache).
   */
  public static Path copyOnce(Path dir, String name, Source source) throws IOException {
    Path file = dir.resolve(name);
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      requireOwnersOnly(dir);
    }
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      requireOwnersOnly(file);
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

  /** Refuses a path that is a symbolic link, is not the current user's, or that its group or others can write. */
  static void requireOwnersOnly(Path path) throws IOException {
    PosixFileAttributes attrs;
    UserPrincipal me;
    try {
      attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      me = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    } catch (UnsupportedOperationException e) {
      throw new IOException("cannot tell who owns " + path, e);
    }
    Set<PosixFilePermission> perms = attrs.permissions();
    if (attrs.isSymbolicLink() || !attrs.owner().equals(me) || perms.contains(PosixFilePermission.GROUP_WRITE)
        || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException(path + " is not the user's own (owner " + attrs.owner().getName() + ", "
          + PosixFilePermissions.toString(perms) + "): not used as forkstate's cache");
    }
  }
}
