package dev.forkstate.verify;

import dev.forkstate.fact.Phrase;

/** A claim, its verdict, and the evidence: what was measured (a phrase) and the command that shows it. */
public record CheckedClaim(Claim claim, Verdict verdict, Phrase evidence, String command) {
  public CheckedClaim {
    command = command == null ? "" : command;
    evidence = evidence == null ? Phrase.empty() : evidence;
  }

  /** Evidence in plain words. */
  public CheckedClaim(Claim claim, Verdict verdict, String evidence, String command) {
    this(claim, verdict, Phrase.of(evidence), command);
  }
}
