package dev.forkstate.error;

/** The only exit codes forkstate uses. CI branches on them, so they never change meaning. */
public enum ExitCode {
  /** Report written and every required check passed. */
  OK(0),
  /** Report written; some required check is FAIL or UNKNOWN. */
  CHECKS_NOT_PASSING(1),
  /** Usage, config or other user error; nothing written. */
  USER_ERROR(2),
  /** A bug in forkstate. */
  INTERNAL_ERROR(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
