package dev.forkstate.fact;

/**
 * The outcome of a measurement or a check. UNKNOWN means "could not tell", never "probably fine". INFO is a
 * measurement that judges nothing (a count, a date, a sha): it is shown without a badge and never counts as a pass.
 */
public enum Status {
  PASS, FAIL, WARN, UNKNOWN, SKIPPED, INFO;

  /**
   * Worst-first rank used to combine several statuses: FAIL beats UNKNOWN beats WARN beats SKIPPED beats PASS beats
   * INFO. INFO ranks lowest so that a judged fact beside it decides; a check whose inputs are all INFO judged nothing.
   */
  public int severity() {
    return switch (this) {
      case FAIL -> 5;
      case UNKNOWN -> 4;
      case WARN -> 3;
      case SKIPPED -> 2;
      case PASS -> 1;
      case INFO -> 0;
    };
  }

  /** True for the statuses that state a judgement (everything but INFO). */
  public boolean judges() {
    return this != INFO;
  }

  public static Status worst(Status a, Status b) {
    return a.severity() >= b.severity() ? a : b;
  }
}
