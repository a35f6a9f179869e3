package dev.forkstate.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCacheTest {
  @TempDir
  Path tmp;

  @Test
  void theCacheIsUnderXdgCacheHomeElseHomeElseNone() {
    assertThat(UserCache.dir(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h"))).isEqualTo(Path.of("/c/forkstate"));
    assertThat(UserCache.dir(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")))
        .isEqualTo(Path.of("/h/.cache/forkstate"));
    assertThat(UserCache.dir(Map.of("HOME", " "))).isNull();
    assertThat(UserCache.dir(Map.of())).isNull();
  }

  @Test
  void aFileIsCopiedOnceIntoAnOwnerOnlyFolderAndNeverReadAgain() throws IOException {
    Path dir = tmp.resolve("cache/forkstate");
    Path file = UserCache.copyOnce(dir, "f-1.bin", () -> stream("bytes"));
    assertThat(file).hasParent(dir).hasContent("bytes");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    // Found by its name: the source is not opened again.
    assertThat(UserCache.copyOnce(dir, "f-1.bin", () -> {
      throw new AssertionError("the source was read again");
    })).isEqualTo(file);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void noSourceBytesIsNoFileAndAFailedCopyLeavesNoPart() throws IOException {
    Path dir = tmp.resolve("cache");
    assertThat(UserCache.copyOnce(dir, "absent", () -> null)).isNull();
    assertThatThrownBy(() -> UserCache.copyOnce(dir, "broken", () -> new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    })).isInstanceOf(IOException.class).hasMessage("disk gone");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  /** What is loaded into the JVM from the cache must be the user's alone: anything else is refused, not used. */
  @Test
  void aFolderOrFileOthersCouldHaveWrittenIsRefused() throws IOException {
    Path shared = Files.createDirectories(tmp.resolve("shared/forkstate"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(() -> UserCache.copyOnce(shared, "f.bin", () -> stream("bytes")))
        .isInstanceOf(IOException.class).hasMessageContaining("not the user's own");

    Path dir = tmp.resolve("cache/forkstate");
    Path file = UserCache.copyOnce(dir, "f.bin", () -> stream("bytes"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThatThrownBy(() -> UserCache.copyOnce(dir, "f.bin", () -> stream("bytes")))
        .isInstanceOf(IOException.class).hasMessageContaining("not the user's own");

    // A symbolic link by the name is never followed: the copy replaces the link, the file it named is untouched.
    Path elsewhere = Files.writeString(tmp.resolve("planted.bin"), "planted");
    Files.createSymbolicLink(dir.resolve("g.bin"), elsewhere);
    Path copied = UserCache.copyOnce(dir, "g.bin", () -> stream("bytes"));
    assertThat(Files.isSymbolicLink(copied)).isFalse();
    assertThat(copied).hasContent("bytes");
    assertThat(elsewhere).hasContent("planted");
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
