package dev.forkstate.write;

import dev.forkstate.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What may be at a path forkstate reads as its own file and then replaces: a regular file, or nothing. A symbolic
 * link is refused, wherever it points (a repository can commit {@code STATE_OF_PROJECT.trend.svg -> /tmp/x}, and a
 * write through it would change a file outside the repository); a FIFO or a device is refused before any read
 * (reading a FIFO blocks forever; renaming over a device replaces it). The attributes are read without following
 * links, so the answer is about the path itself.
 */
public final class OutputPath {
  private OutputPath() {}

  /** True when a regular file is there, false when nothing is; a user error for anything else. */
  public static boolean check(Path file) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), null, "check its permissions");
    }
    if (a.isSymbolicLink()) {
      throw new UserError("refusing " + file + ": it is a symbolic link, and forkstate neither reads nor writes "
          + "its files through links", file.toString(), "replace the link with a regular file, or choose another --out");
    }
    if (a.isDirectory()) {
      throw new UserError("cannot write " + file + ": it is a folder", null, "give a file name with --out");
    }
    if (!a.isRegularFile()) {
      throw new UserError("cannot write " + file + ": it is not a regular file (a device or a pipe)", null,
          "use --out - to print to stdout, or give a file name");
    }
    return true;
  }
}
