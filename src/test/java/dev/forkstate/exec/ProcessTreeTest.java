package dev.forkstate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.secret.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a command starts outlives it: background children, daemons in their own session, on exit and timeout. */
class ProcessTreeTest {
  @TempDir
  Path tmp;

  private final CommandRunner runner = new CommandRunner(Map.of("PATH", System.getenv("PATH")), Redactor.none());

  /** Alive as /proc says: a killed process that nobody reaped yet (state Z) is dead. */
  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  static void assertGone(List<Long> pids) throws InterruptedException {
    for (int i = 0; i < 50 && pids.stream().anyMatch(ProcessTreeTest::alive); i++) {
      Thread.sleep(100);
    }
    assertThat(pids).noneMatch(ProcessTreeTest::alive);
  }

  private static List<Long> pids(CommandResult r) {
    return r.stdout().lines().map(String::strip).filter(l -> l.matches("\\d+")).map(Long::parseLong).toList();
  }

  @Test
  void backgroundChildrenOfACommandThatExitedAreEnded() throws Exception {
    // Before: the sleeps survived with ppid 1 and the run waited 2 s for their pipes.
    CommandResult r = runner.run(CommandSpec.shell("sleep 1000 & echo $!; (sleep 1000 &) ; "
        + "sleep 1000 >/dev/null 2>&1 & echo $!; echo done", tmp, Map.of(), Duration.ofSeconds(30)));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("done");
    List<Long> pids = pids(r);
    assertThat(pids).hasSize(2);
    assertGone(pids);
    assertThat(sleepsCarrying(tmp)).isEmpty();
  }

  @Test
  void aChildInItsOwnSessionIsEndedOnExitAndOnTimeout() throws Exception {
    CommandResult exited = runner.run(CommandSpec.shell("setsid sleep 1000 >/dev/null 2>&1 & echo $!", tmp, Map.of(),
        Duration.ofSeconds(30)));
    assertThat(exited.exitCode()).isZero();
    assertGone(pids(exited));

    Path pidFile = tmp.resolve("daemon.pid");
    CommandResult timedOut = runner.run(CommandSpec.shell("setsid sleep 1000 >/dev/null 2>&1 & echo $! > " + pidFile
        + "; sleep 1000", tmp, Map.of(), Duration.ofSeconds(1)));
    assertThat(timedOut.timedOut()).isTrue();
    assertGone(List.of(Long.parseLong(Files.readString(pidFile).strip())));
  }

  @Test
  void theCommandRunsInItsOwnSessionAndGroup() {
    CommandResult r = runner.run(CommandSpec.shell("ps -o pid=,pgid=,sid= -p $$", tmp, Map.of(),
        Duration.ofSeconds(30)));
    String[] f = r.stdout().strip().split("\\s+");
    assertThat(f[1]).isEqualTo(f[0]);
    assertThat(f[2]).isEqualTo(f[0]);
    assertThat(Long.parseLong(f[1])).isNotEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void endingTheTreeOfAnExitedCommandKeepsItsOutput() {
    // Process.destroyForcibly closes the pipes: called after a normal exit it lost output (14 of 600 runs).
    long lost = java.util.stream.IntStream.range(0, 300).parallel()
        .mapToObj(i -> runner.run(tmp, Duration.ofSeconds(30), List.of("echo", "out" + i)))
        .filter(r -> !r.ok() || !r.stdoutWhole() || !r.stdout().startsWith("out")).count();
    assertThat(lost).isZero();
  }

  /** Sleeps whose working folder is this test's: none may be left. */
  private static List<Long> sleepsCarrying(Path dir) {
    return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("sleep"))
        .filter(p -> {
          try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).equals(dir);
          } catch (IOException | UnsupportedOperationException e) {
            return false;
          }
        }).filter(p -> alive(p.pid())).map(ProcessHandle::pid).toList();
  }

  /** The bound taken before a command starts is never later than the start the kernel records for it. */
  @Test
  void theStartBoundTakenBeforeACommandIsNoLaterThanItsStart() throws Exception {
    for (int i = 0; i < 40; i++) {
      long notBefore = ProcessTree.notBefore();
      Process p = new ProcessBuilder("sleep", "30").start();
      try {
        long start = ProcScan.startTicks("/proc/" + p.pid());
        assertThat(start).isPositive();
        assertThat(notBefore).isPositive().isLessThanOrEqualTo(start);
        if (i % 10 == 0) {
          Thread.sleep(25); // across tick boundaries too
        }
      } finally {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /** The fields the scan reads are counted after the last ')': a command name may hold spaces and brackets. */
  @Test
  void statFieldsAreReadAfterTheCommandName() {
    String line = "4242 (a) b (c) S 1 4300 4301 34816 4300 4194560 120 0 0 0 1 2 0 0 20 0 1 0 1925220 2400000 300 "
        + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
    ProcScan.Stat stat = ProcScan.Stat.parse(bytes, bytes.length);
    assertThat(stat).isEqualTo(new ProcScan.Stat((byte) 'S', 4300, 4301, 1925220));
    assertThat(stat.inSessionOf(4301)).isTrue();
    assertThat(stat.inSessionOf(4242)).isFalse();
    byte[] cut = "4242 (zz) Z 1 4300 4301 0".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(ProcScan.Stat.parse(cut, cut.length)).isNull();
    // Only the bytes read count: a reused buffer holds a longer line's tail past them.
    byte[] reused = java.util.Arrays.copyOf(cut, bytes.length);
    System.arraycopy(bytes, cut.length, reused, cut.length, bytes.length - cut.length);
    assertThat(ProcScan.Stat.parse(reused, cut.length)).isNull();
    // The longest name the kernel keeps (15 bytes), brackets and all, after the longest pid.
    byte[] longest = ("4294967295 () S 1 ) 2 )) R 1 4300 4301 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 777 5 6 7\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(ProcScan.Stat.parse(longest, longest.length)).isEqualTo(new ProcScan.Stat((byte) 'R', 4300, 4301, 777));
    // Field 22 of this JVM's own stat is its start, a positive number of ticks.
    assertThat(ProcScan.Stat.read("/proc/self", new byte[2048]).start()).isPositive();
  }
}
