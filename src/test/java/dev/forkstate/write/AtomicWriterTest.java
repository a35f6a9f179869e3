package dev.forkstate.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.error.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
  @TempDir
  Path tmp;

  @Test
  void writesAndKeepsPermissions() throws Exception {
    Path f = tmp.resolve("r.md");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    AtomicWriter.write(f, "new");
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
    assertThat(tmp.resolve("r.md.lock")).doesNotExist();
  }

  @Test
  void aHeldLockStopsTheWriteAndKeepsTheFile() throws Exception {
    Path f = tmp.resolve("r.md");
    Files.writeString(f, "old");
    Files.writeString(tmp.resolve("r.md.lock"), "");
    assertThatThrownBy(() -> AtomicWriter.write(f, "new")).isInstanceOf(UserError.class)
        .hasMessageContaining("another forkstate is writing").hasMessageContaining("stale");
    assertThat(Files.readString(f)).isEqualTo("old");
  }

  @Test
  void missingFolderOrAFolderTargetIsAUserError() throws Exception {
    assertThatThrownBy(() -> AtomicWriter.write(tmp.resolve("no/r.md"), "x")).isInstanceOf(UserError.class);
    Path dir = Files.createDirectories(tmp.resolve("d"));
    assertThatThrownBy(() -> AtomicWriter.write(dir, "x")).isInstanceOf(UserError.class)
        .hasMessageContaining("is a folder");
  }

  @Test
  void aDeviceOrPipeIsNeverReplacedAndALinkIsRefused() throws Exception {
    Path fifo = tmp.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> AtomicWriter.write(fifo, "x")).isInstanceOf(UserError.class)
        .hasMessageContaining("not a regular file");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThatThrownBy(() -> AtomicWriter.write(Path.of("/dev/null"), "x")).isInstanceOf(UserError.class)
        .hasMessageContaining("not a regular file");

    Path real = Files.writeString(tmp.resolve("real.md"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.md"), real);
    assertThatThrownBy(() -> AtomicWriter.write(link, "new")).isInstanceOf(UserError.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("old");
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.md"), tmp.resolve("nowhere.md"));
    assertThatThrownBy(() -> AtomicWriter.write(dangling, "new")).isInstanceOf(UserError.class);
    assertThat(tmp.resolve("nowhere.md")).doesNotExist();
  }

  /** SIGKILL at arbitrary moments: the file is always one whole version, never truncated or empty. */
  @Test
  void aProcessKilledMidWriteLeavesAWholeFile() throws Exception {
    Path f = tmp.resolve("report.md");
    Files.writeString(f, "a".repeat(4 * 1024 * 1024));
    for (int round = 0; round < 5; round++) {
      Files.deleteIfExists(tmp.resolve("report.md.lock"));
      Files.deleteIfExists(tmp.resolve("started"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          AtomicWriteLoop.class.getName(), f.toString()).redirectErrorStream(true).start();
      for (int i = 0; i < 100 && !Files.exists(tmp.resolve("started")); i++) {
        Thread.sleep(50);
      }
      Thread.sleep(150 + 70L * round);
      p.destroyForcibly();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      byte[] bytes = Files.readAllBytes(f);
      assertThat(bytes.length).isEqualTo(4 * 1024 * 1024);
      byte first = bytes[0];
      assertThat(first == 'a' || first == 'b').isTrue();
      for (byte b : bytes) {
        if (b != first) {
          throw new AssertionError("mixed content after kill in round " + round);
        }
      }
    }
  }

  /** SIGTERM mid-write: the shutdown hook removes the lock, so the next run is not blocked by a stale one. */
  @Test
  void aTerminatedProcessLeavesNoLock() throws Exception {
    Path f = tmp.resolve("report.md");
    Files.writeString(f, "a".repeat(4 * 1024 * 1024));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AtomicWriteLoop.class.getName(), f.toString()).redirectErrorStream(true).start();
    for (int i = 0; i < 100 && !Files.exists(tmp.resolve("started")); i++) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
    p.destroy();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(tmp.resolve("report.md.lock")).doesNotExist();
    assertThat(Files.size(f)).isEqualTo(4 * 1024 * 1024);
    AtomicWriter.write(f, "next run");
    assertThat(Files.readString(f)).isEqualTo("next run");
  }
}
