package dev.forkstate.verify;

import dev.forkstate.fact.Status;

/**
 * One checkable statement found in a report: a cited name (path, ref, module), a path a reference bullet starts
 * with, a name the report says is absent ("`docs/x.md` does not exist"), a cited command, a status claimed for
 * a command ("→ green") or for a workflow, a status said in prose with no command, Python code (a call with keywords,
 * a qualname, an env flag's value), a branch's merge status, prepared pull requests, the verbatim prompt, or a
 * required section. {@code line} is 1-based. {@code badge} is the status badge the line wears ("- **FAIL** ..."), null
 * when it wears none: a FAIL, WARN, UNKNOWN or SKIPPED badge says the line reports a problem, so a name in it is
 * context (a missing file, a workflow a tool's message names), not a claim that the name exists.
 */
public record Claim(Kind kind, int line, String subject, String command, Status badge) {
  public enum Kind {
    PATH, REFERENCE, ABSENT, COMMAND, STATUS, CI_STATUS, PROSE_STATUS, SYMBOL, BRANCH_STATUS, PRS_PREPARED,
    PULL_REQUEST, PROMPT, SECTION
  }

  public Claim {
    command = command == null ? "" : command;
  }

  public Claim(Kind kind, int line, String subject, String command) {
    this(kind, line, subject, command, null);
  }

  /** The line reports a problem or an unknown: what it names need not exist. */
  public boolean reportsProblem() {
    return badge == Status.FAIL || badge == Status.WARN || badge == Status.UNKNOWN || badge == Status.SKIPPED;
  }
}
