package dev.forkstate.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A process to run. {@code display} is what the report shows and what a user pastes; {@code argv} is what runs.
 * They differ only where forkstate adds plumbing the user need not see (a temp JUnit XML path, for instance).
 */
public record CommandSpec(List<String> argv, String display, Path workDir, Map<String, String> extraEnv,
                          Duration timeout) {
  public CommandSpec {
    argv = List.copyOf(argv);
    extraEnv = Map.copyOf(extraEnv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
  }

  /** A shell command line, run by bash exactly as the user would type it. */
  public static CommandSpec shell(String line, Path workDir, Map<String, String> extraEnv, Duration timeout) {
    return new CommandSpec(List.of("bash", "-c", line), line, workDir, extraEnv, timeout);
  }
}
