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

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
