package dev.forkstate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command that exited by itself leaves without holding its output is ended outside the command's slot, by the
 * sweeper: a run's before it returns; a query's soon after, all of it by a stage boundary
 * ({@link CommandRunner#settle()}) or the next run, and on the JVM's exit while still pending.
 */
class LeftoverSweeperTest {
  /**
   * A daemon in its own session (found by its marker), a background child that clears its environment but stays in
   * the command's group (found by the group), and a plain background child; none holds the command's output.
   */
  static final String LEAVES_THREE = "setsid sleep 1000 >/dev/null 2>&1 & echo $!; "
      + "env -i /bin/sleep 1000 >/dev/null 2>&1 & echo $!; sleep 1000 >/dev/null 2>&1 & echo $!";

  @TempDir
  Path tmp;

  private final CommandRunner runner = new CommandRunner(Map.of("PATH", System.getenv("PATH")), Redactor.none());

  private static List<Long> pids(String stdout) {
    return stdout.lines().map(String::strip).filter(l -> l.matches("\\d+")).map(Long::parseLong).toList();
  }

  private CommandResult query(String line) {
    return runner.query(CommandSpec.shell(line, tmp, Map.of(), Duration.ofSeconds(30)), 1000);
  }

  @Test
  void whatQueriesLeftIsGoneAtTheStageBoundary() {
    // Queries finishing side by side: one pass of the sweeper serves several of them.
    List<Long> left = IntStream.range(0, 6).parallel().mapToObj(i -> query(LEAVES_THREE))
        .peek(r -> assertThat(r.ok()).isTrue())
        .flatMap(r -> pids(r.stdout()).stream()).toList();
    assertThat(left).hasSize(18);
    CommandRunner.settle();
    assertThat(left).noneMatch(ProcessTreeTest::alive); // no polling: settle() returned after they were ended
  }

  @Test
  void aRunLeavesNothingWhenItReturnsAndStartsAfterTheQueriesLeftovers() {
    CommandResult run = runner.run(CommandSpec.shell(LEAVES_THREE, tmp, Map.of(), Duration.ofSeconds(30)));
    assertThat(pids(run.stdout())).hasSize(3).noneMatch(ProcessTreeTest::alive); // no polling

    List<Long> queried = pids(query(LEAVES_THREE).stdout());
    assertThat(queried).hasSize(3);
    // A smoke started now must not share the machine with what a query left (a port, a lock).
    CommandResult next = runner.run(CommandSpec.shell("true", tmp, Map.of(), Duration.ofSeconds(30)));
    assertThat(next.ok()).isTrue();
    assertThat(queried).noneMatch(ProcessTreeTest::alive);
  }

  @Test
  void aCommandHoldingItsOutputOpenIsEndedBeforeItsResult() throws Exception {
    // The background sleep keeps stdout open: the result waits for the tree to be ended, and the output is whole.
    long t0 = System.nanoTime();
    CommandResult r = runner.run(CommandSpec.shell("sleep 1000 & echo $!", tmp, Map.of(), Duration.ofSeconds(30)));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
    assertThat(r.stdoutWhole()).isTrue();
    ProcessTreeTest.assertGone(pids(r.stdout()));
  }

  @Test
  void whatAQueryLeftIsEndedWithoutAnyoneAskingWithinTheLatestWait() throws Exception {
    List<Long> left = pids(query(LEAVES_THREE).stdout());
    assertThat(left).hasSize(3);
    ProcessTreeTest.assertGone(left); // polls up to 5 s; the sweeper's own pass comes within LATEST_MS
  }

  /**
   * A batch waits for one pass (a pass reads every process's stat), until someone asks: a stage's end asks without
   * waiting ({@link LeftoverSweeper#sweepSoon()}), and the pass ends all the batch's leftovers.
   */
  @Test
  void aPassWaitsForTheBatchUntilAStageEndAsksForIt() throws Exception {
    LeftoverSweeper sweeper = new LeftoverSweeper(600_000);
    List<Long> left = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String marker = ProcessTree.newMarker();
      long notBefore = ProcessTree.notBefore();
      List<String> argv = new ArrayList<>(ProcessTree.sessionPrefix());
      argv.addAll(List.of("bash", "-c", LEAVES_THREE));
      ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
      pb.environment().put(ProcessTree.MARKER_VARIABLE, marker);
      Process p = pb.start();
      p.getOutputStream().close();
      left.addAll(pids(new String(p.getInputStream().readAllBytes())));
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      sweeper.add(ProcessTree.of(p, marker, notBefore));
    }
    assertThat(left).hasSize(6);
    Thread.sleep(300);
    assertThat(left).allMatch(ProcessTreeTest::alive); // nobody asked yet: no pass
    sweeper.sweepSoon();
    ProcessTreeTest.assertGone(left);
    sweeper.settle(); // the pass is done: nothing pending
  }

  @Test
  void settleWithNothingPendingReturnsAtOnce() {
    CommandRunner.settle();
    CommandResult r = query("true");
    assertThat(r.ok()).isTrue();
    CommandRunner.settle();
    CommandRunner.settle();
  }

  @Test
  void whatIsStillPendingWhenTheJvmExitsIsEnded() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LeavesProcesses.class.getName(), tmp.toString()));
    Process jvm = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(jvm.getInputStream().readAllBytes());
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(jvm.exitValue()).isZero();
    List<Long> left = pids(out);
    assertThat(left).hasSize(3);
    ProcessTreeTest.assertGone(left);
  }
}
