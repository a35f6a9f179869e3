package dev.forkstate.fact;

/** The outcome of a measurement or a check. UNKNOWN means "could not tell", never "probably fine". */
public enum Status {
  PASS, FAIL, WARN, UNKNOWN, SKIPPED;

  /** Worst-first rank used to combine several statuses: FAIL beats UNKNOWN beats WARN beats SKIPPED beats PASS. */
  public int severity() {
    return switch (this) {
      case FAIL -> 4;
      case UNKNOWN -> 3;
      case WARN -> 2;
      case SKIPPED -> 1;
      case PASS -> 0;
    };
  }

  public static Status worst(Status a, Status b) {
    return a.severity() >= b.severity() ? a : b;
  }
}
