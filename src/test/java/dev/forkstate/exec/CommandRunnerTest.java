package dev.forkstate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.ShellQuote;
import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
  @TempDir
  Path tmp;

  private final Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "MY_SECRET_TOKEN", "tok-12345678");

  @Test
  void aRunnerKeepsAtMostItsSlotsOfProcessesAliveAndRunsEveryCommand() throws Exception {
    CommandRunner r = new CommandRunner(env, Redactor.none(), 1000, 2);
    java.nio.file.Files.createDirectories(tmp.resolve("running"));
    // Each command registers itself, waits, and prints how many were registered meanwhile.
    List<String> argv = List.of("bash", "-c", "touch running/$$; sleep 0.3; ls running | wc -l; rm running/$$");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<CommandResult>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        runs.add(pool.submit(() -> r.run(tmp, Duration.ofSeconds(30), argv)));
      }
      for (var run : runs) {
        CommandResult res = run.get();
        assertThat(res.ok()).isTrue();
        assertThat(Integer.parseInt(res.stdout().strip())).isBetween(1, 2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(CommandRunner.DEFAULT_SLOTS).isGreaterThanOrEqualTo(4);
  }

  /**
   * The unmasked view shows what the runner masks (a reader that must find a secret's shape) and shares the runner's
   * slots: a masked and an unmasked command together still keep at most the runner's slots of processes alive.
   */
  @Test
  void theUnmaskedViewShowsWhatIsMaskedAndSharesTheSlots() throws Exception {
    CommandRunner r = new CommandRunner(env, Redactor.fromEnvironment(env), 1000, 1);
    List<String> echo = List.of("bash", "-c", "echo $MY_SECRET_TOKEN");
    assertThat(r.run(tmp, Duration.ofSeconds(30), echo).stdout()).doesNotContain("tok-12345678");
    assertThat(r.unmasked().run(tmp, Duration.ofSeconds(30), echo).stdout().strip()).isEqualTo("tok-12345678");

    java.nio.file.Files.createDirectories(tmp.resolve("running"));
    List<String> argv = List.of("bash", "-c", "touch running/$$; sleep 0.3; ls running | wc -l; rm running/$$");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var masked = pool.submit(() -> r.run(tmp, Duration.ofSeconds(30), argv));
      var unmasked = pool.submit(() -> r.unmasked().run(tmp, Duration.ofSeconds(30), argv));
      assertThat(masked.get().stdout().strip()).isEqualTo("1");
      assertThat(unmasked.get().stdout().strip()).isEqualTo("1");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void outputIsCappedAndMarkedTruncated() {
    CommandRunner r = new CommandRunner(env, Redactor.none(), 1000);
    CommandResult res = r.run(tmp, Duration.ofSeconds(30), List.of("bash", "-c", "yes x | head -c 100000"));
    assertThat(res.exitCode()).isZero();
    assertThat(res.stdout()).hasSize(1000);
    assertThat(res.truncated()).isTrue();
    assertThat(res.evidence().truncated()).isTrue();
  }

  @Test
  void aCutOutputSaysHowLargeItWasSoNoParserCountsIt() {
    CommandRunner r = new CommandRunner(env, Redactor.none(), 1000);
    CommandResult res = r.run(tmp, Duration.ofSeconds(30), List.of("bash", "-c", "yes x | head -c 100000"));
    assertThat(res.ok()).isTrue();
    assertThat(res.stdoutWhole()).isFalse();
    assertThat(res.cutReason()).isEqualTo("output too large (100000 bytes read, cap 1000)");
    assertThat(res.firstErrorLine()).isEqualTo(res.cutReason());
    assertThat(res.evidence().excerpt()).hasSizeLessThanOrEqualTo(600);
  }

  @Test
  void machineReadOutputGetsItsOwnCapAndStderrKeepsTheDisplayCap() {
    CommandRunner r = new CommandRunner(env, Redactor.none(), 1000);
    CommandResult res = r.run(CommandSpec.shell("yes x | head -c 100000; yes y | head -c 5000 >&2", tmp, Map.of(),
        Duration.ofSeconds(30)), 200_000);
    assertThat(res.stdoutWhole()).isTrue();
    assertThat(res.cutReason()).isEmpty();
    assertThat(res.stdout()).hasSize(100_000);
    assertThat(res.stderr()).hasSize(1000);
    assertThat(res.truncated()).isTrue();
    // The excerpt is for display: bounded whatever was kept for parsing.
    assertThat(res.evidence().excerpt()).hasSizeLessThanOrEqualTo(600);
  }

  @Test
  void aProgramThatDoesNotExistIsAStartErrorNotAnException() {
    CommandResult res = new CommandRunner(env, Redactor.none())
        .run(tmp, Duration.ofSeconds(5), List.of("no-such-program-xyz"));
    assertThat(res.started()).isFalse();
    assertThat(res.exitCode()).isNull();
    assertThat(res.ok()).isFalse();
    assertThat(res.evidence().excerpt()).contains("could not start no-such-program-xyz");
  }

  @Test
  void aProgramFoundOnThePathIsLookedUpOnceAndOneMissingAgain() throws Exception {
    java.nio.file.Path bin = java.nio.file.Files.createDirectories(tmp.resolve("bin"));
    CommandRunner r = new CommandRunner(Map.of("PATH", bin + ":" + System.getenv("PATH")), Redactor.none());
    assertThat(r.run(tmp, Duration.ofSeconds(30), List.of("forkstate-probe")).started()).isFalse();
    java.nio.file.Path probe = bin.resolve("forkstate-probe");
    java.nio.file.Files.writeString(probe, "#!/bin/sh\necho probed\n");
    probe.toFile().setExecutable(true);
    // Installed after a failed lookup: found now (a miss is not remembered).
    assertThat(r.run(tmp, Duration.ofSeconds(30), List.of("forkstate-probe")).stdout()).isEqualTo("probed\n");
    assertThat(r.run(tmp, Duration.ofSeconds(30), List.of("forkstate-probe")).stdout()).isEqualTo("probed\n");
  }

  /** A thread's builder is reused: what one command set in the environment is gone for the next one. */
  @Test
  void aCommandsOwnVariablesDoNotReachTheNextCommandOnTheSameThread() {
    CommandRunner r = new CommandRunner(Map.of("PATH", System.getenv("PATH"), "KEEP", "base"), Redactor.none());
    CommandResult first = r.run(new CommandSpec(List.of("env"), "env", tmp, Map.of("ONLY_FIRST", "1", "KEEP",
        "changed"), Duration.ofSeconds(30)));
    CommandResult second = r.run(new CommandSpec(List.of("env"), "env", tmp, Map.of(), Duration.ofSeconds(30)));
    assertThat(first.stdout().lines()).contains("ONLY_FIRST=1", "KEEP=changed");
    assertThat(second.stdout().lines()).contains("KEEP=base").noneMatch(l -> l.startsWith("ONLY_FIRST="));
    String marker = ProcessTree.MARKER_VARIABLE + "=";
    assertThat(first.stdout().lines().filter(l -> l.startsWith(marker)).toList()).hasSize(1)
        .doesNotContainAnyElementsOf(second.stdout().lines().filter(l -> l.startsWith(marker)).toList());
    // Nothing else of this JVM's environment: only the runner's.
    assertThat(second.stdout().lines().map(l -> l.substring(0, l.indexOf('='))).toList())
        .containsExactlyInAnyOrder("PATH", "KEEP", ProcessTree.MARKER_VARIABLE);
  }

  @Test
  void secretsAreRedactedFromCapturedOutput() {
    CommandResult res = new CommandRunner(env, Redactor.fromEnvironment(env))
        .run(tmp, Duration.ofSeconds(5), List.of("bash", "-c", "echo $MY_SECRET_TOKEN; echo $MY_SECRET_TOKEN >&2"));
    assertThat(res.stdout()).isEqualTo("[REDACTED]\n");
    assertThat(res.stderr()).isEqualTo("[REDACTED]\n");
  }

  @Test
  void stdinIsClosedSoAPromptDoesNotHang() {
    CommandResult res = new CommandRunner(env, Redactor.none())
        .run(tmp, Duration.ofSeconds(20), List.of("bash", "-c", "read x; echo got:$x"));
    assertThat(res.timedOut()).isFalse();
    assertThat(res.stdout()).isEqualTo("got:\n");
  }

  @Test
  void displayedCommandsQuoteWhatTheShellWouldSplit() {
    assertThat(ShellQuote.join(List.of("git", "rev-list", "HEAD...@{u}", "it's", "a b", "")))
        .isEqualTo("git rev-list 'HEAD...@{u}' 'it'\\''s' 'a b' ''");
  }

  @Test
  void excerptsDropWhatVariesBetweenRuns() {
    assertThat(OutputNormalizer.normalize("5 passed in 0.03s\r\nat /tmp/pytest-of-root/x/y.py:3"))
        .isEqualTo("5 passed in <t>s\nat <tmp>:3");
    // A failing assertion prints reprs with addresses that differ in every process; a hex value elsewhere stays.
    assertThat(OutputNormalizer.normalize("assert 30 == 31 / + where 30 = <bigllm.Core object at 0x7f85500a0f50>."
        + "timeout; flags 0xff00ff00"))
        .isEqualTo("assert 30 == 31 / + where 30 = <bigllm.Core object at 0x…>.timeout; flags 0xff00ff00");
  }
}
