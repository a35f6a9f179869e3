package dev.forkstate.fact;

import java.time.Duration;

/**
 * How a fact was measured: the command as a user would paste it, its exit code (null when it did not run),
 * how long it took, and a bounded, redacted excerpt of its output.
 */
public record Evidence(String command, Integer exitCode, Duration duration, String excerpt, boolean truncated) {
  public Evidence {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("evidence needs the command that reproduces it");
    }
    duration = duration == null ? Duration.ZERO : duration;
    excerpt = excerpt == null ? "" : excerpt;
  }

  /** Evidence for a fact read without running anything (a file read by forkstate itself). */
  public static Evidence ofCommand(String command) {
    return new Evidence(command, null, Duration.ZERO, "", false);
  }
}
