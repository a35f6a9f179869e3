package dev.forkstate.exec;

import dev.forkstate.fact.Evidence;
import java.time.Duration;

/**
 * What a finished (or killed) process left: exit code (null if it never started), captured and redacted output,
 * how much of each stream was kept ({@link Capture}: whether it was cut at the cap), and whether it was killed at
 * its timeout.
 */
public record CommandResult(String display, Integer exitCode, String stdout, String stderr, Capture out,
                            Capture err, boolean timedOut, String startError, Duration duration) {

  public boolean ok() {
    return exitCode != null && exitCode == 0 && !timedOut;
  }

  public boolean started() {
    return startError == null;
  }

  /** Either stream went over its cap: the evidence excerpt says so. */
  public boolean truncated() {
    return out.overCap() || err.overCap();
  }

  /**
   * Stdout was read to its end and kept whole. Every parser that turns stdout into a count or a list asks this
   * first: a cut output gives a smaller number that would read as a measurement.
   */
  public boolean stdoutWhole() {
    return out.whole();
  }

  /** Why stdout may not be parsed ("output too large (N bytes read, cap M)"); empty when it is whole. */
  public String cutReason() {
    return out.why();
  }

  /** Evidence with an excerpt of at most {@code maxChars}: stderr first when the command failed. */
  public Evidence evidence(int maxChars) {
    String text = ok() ? stdout : (stderr.isBlank() ? stdout : stderr + (stdout.isBlank() ? "" : "\n" + stdout));
    if (startError != null) {
      text = startError;
    }
    boolean cut = truncated();
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

  /**
   * The first non-blank line of stderr, or of stdout: what a one-line reason quotes. For a command that succeeded
   * but whose output was cut, the cut is the error: a caller that could not parse it says why.
   */
  public String firstErrorLine() {
    if (ok() && !stdoutWhole()) {
      return cutReason();
    }
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
