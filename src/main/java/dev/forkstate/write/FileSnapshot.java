package dev.forkstate.write;

import dev.forkstate.error.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** A file's bytes as read at one moment, or the fact that it did not exist: compared again before a write. */
public final class FileSnapshot {
  private final byte[] bytes; // null: the file did not exist

  private FileSnapshot(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Reads the file, after checking that it is a regular file or absent: a FIFO would block the read forever and a
   * device or a link is nothing forkstate should read as a report (or write to later), so those are refused at once.
   */
  public static FileSnapshot read(Path file) {
    if (!OutputPath.check(file)) {
      return new FileSnapshot(null);
    }
    try {
      return new FileSnapshot(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return new FileSnapshot(null);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), null, "check its permissions");
    }
  }

  public boolean exists() {
    return bytes != null;
  }

  /** The bytes as read (empty when the file did not exist): what a backup must hold, not a decoding of them. */
  public byte[] bytes() {
    return bytes == null ? new byte[0] : bytes.clone();
  }

  public String text() {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileSnapshot other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
