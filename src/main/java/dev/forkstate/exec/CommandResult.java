package dev.forkstate.exec;

import dev.forkstate.fact.Evidence;
import java.time.Duration;

/**
 * What a finished (or killed) process left: exit code (null if it never started), captured and redacted output,
 * whether output was cut at the cap, and whether it was killed at its timeout.
 */
public record CommandResult(String display, Integer exitCode, String stdout, String stderr, boolean truncated,
                            boolean timedOut, String startError, Duration duration) {

  public boolean ok() {
    return exitCode != null && exitCode == 0 && !timedOut;
  }

  public boolean started() {
    return startError == null;
  }

  /** Evidence with an excerpt of at most {@code maxChars}: stderr first when the command failed. */
  public Evidence evidence(int maxChars) {
    String text = ok() ? stdout : (stderr.isBlank() ? stdout : stderr + (stdout.isBlank() ? "" : "\n" + stdout));
    if (startError != null) {
      text = startError;
    }
    boolean cut = truncated;
    String trimmed = text.strip();
    if (trimmed.length() > maxChars) {
      trimmed = trimmed.substring(0, maxChars);
      cut = true;
    }
    return new Evidence(display, exitCode, duration, OutputNormalizer.normalize(trimmed), cut);
  }

  public Evidence evidence() {
    return evidence(600);
  }

  /** The first non-blank line of stderr, or of stdout: what a one-line reason quotes. */
  public String firstErrorLine() {
    for (String source : new String[] {stderr, stdout, startError == null ? "" : startError}) {
      for (String line : source.split("\n")) {
        if (!line.isBlank()) {
          return line.strip();
        }
      }
    }
    return "";
  }
}
