package dev.forkstate.exec;

import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A JVM for {@link LeftoverSweeperTest}: runs one query that leaves a daemon, a group member and a background child
 * behind (none holds its output), prints their pids and exits at once, while their sweep is still pending.
 */
public final class LeavesProcesses {
  private LeavesProcesses() {}

  public static void main(String[] args) {
    CommandRunner runner = new CommandRunner(Map.of("PATH", System.getenv("PATH")), Redactor.none());
    CommandResult r = runner.query(CommandSpec.shell(LeftoverSweeperTest.LEAVES_THREE, Path.of(args[0]), Map.of(),
        Duration.ofSeconds(30)), CommandRunner.DEFAULT_CAP_BYTES);
    System.out.print(r.stdout());
    System.out.flush();
    System.exit(r.ok() ? 0 : 1);
  }
}
