package dev.forkstate.error;

/**
 * A problem the user can fix: bad config, a path that is not a repository, a held lock. Printed as one line,
 * "forkstate: what (where); fix", and mapped to exit code 2. Never carries a stack trace to the user.
 */
public final class UserError extends RuntimeException {
  private final String where;
  private final String fix;

  public UserError(String what, String where, String fix) {
    super(what);
    this.where = where == null ? "" : where;
    this.fix = fix == null ? "" : fix;
  }

  public UserError(String what, String where, String fix, Throwable cause) {
    this(what, where, fix);
    initCause(cause);
  }

  public String where() {
    return where;
  }

  public String fix() {
    return fix;
  }

  /** The one line printed on stderr, without the "forkstate: " prefix. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder(getMessage());
    if (!where.isEmpty()) {
      sb.append(" (").append(where).append(')');
    }
    if (!fix.isEmpty()) {
      sb.append("; ").append(fix);
    }
    return sb.toString();
  }
}
