package dev.forkstate.verify;

/** A claim, its verdict, and the evidence: what was measured and the command that shows it. */
public record CheckedClaim(Claim claim, Verdict verdict, String evidence, String command) {
  public CheckedClaim {
    command = command == null ? "" : command;
  }
}
