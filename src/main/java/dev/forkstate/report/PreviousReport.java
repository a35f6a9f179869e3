package dev.forkstate.report;

import java.util.Optional;

/** What the report being updated said: whether there was one, and the facts it carried (if forkstate wrote it). */
public record PreviousReport(boolean existed, Optional<FactDigest> facts) {
  public static PreviousReport none() {
    return new PreviousReport(false, Optional.empty());
  }
}
