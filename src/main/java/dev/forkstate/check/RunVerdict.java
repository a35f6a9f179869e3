package dev.forkstate.check;

import dev.forkstate.error.ExitCode;
import dev.forkstate.fact.Skip;
import dev.forkstate.fact.Status;
import java.util.List;

/**
 * The one verdict of a run, decided in {@link #of}: the exit code, the Executive Summary headline, the stderr line,
 * the JSON and the rule-based assessment all read this record and none decides on its own.
 *
 * <p>A required check passes with PASS, or with WARN (named, so nobody mistakes it for green). It also passes when
 * it was SKIPPED because the user asked ({@code --offline}, a setting): then it is named as not verified. FAIL,
 * UNKNOWN and every other SKIPPED (nothing configured, nothing detected) block: a question nobody answered is not a
 * pass.
 *
 * @param required the required findings, in check-id order
 * @param blocking the required findings that keep the run from passing
 * @param warned   the required findings that pass with a warning
 * @param notVerified the required findings skipped because the user asked
 */
public record RunVerdict(List<Finding> required, List<Finding> blocking, List<Finding> warned,
                         List<Finding> notVerified) {
  public RunVerdict {
    required = List.copyOf(required);
    blocking = List.copyOf(blocking);
    warned = List.copyOf(warned);
    notVerified = List.copyOf(notVerified);
  }

  /** The single rule. */
  public static RunVerdict of(List<Finding> findings) {
    List<Finding> required = findings.stream().filter(Finding::required).toList();
    return new RunVerdict(required, required.stream().filter(f -> !passes(f)).toList(),
        required.stream().filter(f -> f.status() == Status.WARN).toList(),
        required.stream().filter(RunVerdict::skippedAsAsked).toList());
  }

  private static boolean passes(Finding f) {
    return f.status() == Status.PASS || f.status() == Status.WARN || skippedAsAsked(f);
  }

  private static boolean skippedAsAsked(Finding f) {
    return f.status() == Status.SKIPPED && f.skip() == Skip.ASKED;
  }

  public boolean passed() {
    return blocking.isEmpty();
  }

  public ExitCode exitCode() {
    return passed() ? ExitCode.OK : ExitCode.CHECKS_NOT_PASSING;
  }

  /**
   * The headline's badge: FAIL when a blocking check failed, else UNKNOWN (blocked by what could not be told, a skip
   * for want of input included), else WARN when a check passed with a warning, else PASS. A run that did not pass
   * never wears WARN or PASS.
   */
  public Status status() {
    if (!passed()) {
      return blocking.stream().anyMatch(f -> f.status() == Status.FAIL) ? Status.FAIL : Status.UNKNOWN;
    }
    return warned.isEmpty() ? Status.PASS : Status.WARN;
  }

  public long passing() {
    return required.stream().filter(f -> f.status() == Status.PASS).count();
  }

  /**
   * The headline: whether the run passed, how many required checks pass, and by name every one that blocks, warns
   * or was not verified. The stderr line is {@link #line()}: the same, with each one's reason.
   */
  public String sentence() {
    return (passed() ? "passed: " : "not passed: ") + tally(false);
  }

  /** The stderr verdict line: the headline's words, with the reason of every check it names. */
  public String line() {
    return (passed() ? "passed: " : "not passed: ") + tally(true);
  }

  /** "5 of 7 required checks pass; blocking: ...; with warnings: ...; not verified (offline): ...". */
  public String tally(boolean withReasons) {
    StringBuilder s = new StringBuilder();
    s.append(passing()).append(" of ").append(required.size()).append(" required checks pass");
    if (!passed()) {
      s.append("; blocking: ").append(named(blocking, withReasons));
    }
    if (!warned.isEmpty()) {
      s.append("; with warnings: ").append(named(warned, withReasons));
    }
    if (!notVerified.isEmpty()) {
      boolean offline = notVerified.stream().allMatch(f -> f.reason().plain().startsWith("offline"));
      s.append("; not verified (").append(offline ? "offline" : "as asked").append("): ")
          .append(String.join(", ", notVerified.stream().map(Finding::checkId).toList()));
    }
    return s.toString();
  }

  /**
   * The tally by counts, for a line that stands under the headline (the rule-written assessment): "2 of 7 required
   * checks pass; 4 blocking; 1 not verified (offline)". The headline names them; saying every name twice in view made
   * a large fork's report the longer by a line for nothing.
   */
  public String counts() {
    StringBuilder s = new StringBuilder();
    s.append(passing()).append(" of ").append(required.size()).append(" required checks pass");
    if (!passed()) {
      s.append("; ").append(blocking.size()).append(" blocking");
    }
    if (!warned.isEmpty()) {
      s.append("; ").append(warned.size()).append(" with warnings");
    }
    if (!notVerified.isEmpty()) {
      boolean offline = notVerified.stream().allMatch(f -> f.reason().plain().startsWith("offline"));
      s.append("; ").append(notVerified.size()).append(" not verified (").append(offline ? "offline" : "as asked")
          .append(")");
    }
    return s.toString();
  }

  private static String named(List<Finding> fs, boolean withReasons) {
    // Plain text: the line goes to a terminal and into the JSON, where an item is shown as it is.
    return String.join(withReasons ? "; " : ", ", fs.stream().map(f -> f.checkId() + " " + f.status()
        + (!withReasons || f.reason().isBlank() ? "" : " (" + f.reason().plain() + ")")).toList());
  }
}
