package dev.forkstate.verify;

/**
 * One checkable statement found in a report: a cited name (path, ref, module), a path a reference bullet starts
 * with, a cited command, a status claimed for
 * a command ("→ green") or for a workflow, a status said in prose with no command, Python code (a call with keywords,
 * a qualname, an env flag's value), a branch's merge status, prepared pull requests, the verbatim prompt, or a
 * required section. {@code line} is 1-based.
 */
public record Claim(Kind kind, int line, String subject, String command) {
  public enum Kind {
    PATH, REFERENCE, COMMAND, STATUS, CI_STATUS, PROSE_STATUS, SYMBOL, BRANCH_STATUS, PRS_PREPARED, PULL_REQUEST,
    PROMPT, SECTION
  }

  public Claim {
    command = command == null ? "" : command;
  }
}
