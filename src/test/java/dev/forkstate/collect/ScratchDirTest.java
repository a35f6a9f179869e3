package dev.forkstate.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A scratch file is new, the user's only, and never one that was there already. */
class ScratchDirTest {
  @Test
  void eachFileIsNewEmptyAndTheOwnersOnly() throws Exception {
    Set<Path> made = new HashSet<>(IntStream.range(0, 50).parallel().mapToObj(i -> {
      try {
        return ScratchDir.file("forkstate-test", ".txt");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList());
    try {
      assertThat(made).hasSize(50);
      for (Path p : made) {
        assertThat(p.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(p.getFileName().toString()).startsWith("forkstate-test").endsWith(".txt");
        assertThat(Files.size(p)).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
      }
    } finally {
      for (Path p : made) {
        Files.deleteIfExists(p);
      }
    }
  }
}
