package dev.forkstate.verify;

/**
 * One checkable statement found in a report: a cited path, a cited command, a status claimed for a command ("→
 * green"), the verbatim prompt, or a required section. {@code line} is 1-based.
 */
public record Claim(Kind kind, int line, String subject, String command) {
  public enum Kind { PATH, COMMAND, STATUS, CI_STATUS, PROMPT, SECTION }

  public Claim {
    command = command == null ? "" : command;
  }
}
