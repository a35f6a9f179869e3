package dev.forkstate.fact;

import java.util.List;

/**
 * One measured thing. Invariants that protect the report from false greens: a PASS always carries the evidence that
 * produced it, and an UNKNOWN or SKIPPED always says why.
 */
public record Fact(FactId id, Status status, Value value, String summary, String reason, List<Evidence> evidence) {
  public Fact {
    if (id == null || status == null || value == null) {
      throw new IllegalArgumentException("fact needs id, status and value");
    }
    summary = summary == null ? "" : summary;
    reason = reason == null ? "" : reason;
    evidence = List.copyOf(evidence);
    if (status == Status.PASS && evidence.isEmpty()) {
      throw new IllegalArgumentException(id + ": PASS needs evidence");
    }
    if ((status == Status.UNKNOWN || status == Status.SKIPPED) && reason.isBlank()) {
      throw new IllegalArgumentException(id + ": " + status + " needs a reason");
    }
  }

  public static Fact of(String id, Status status, Value value, String summary, Evidence... evidence) {
    return new Fact(FactId.of(id), status, value, summary, "", List.of(evidence));
  }

  public static Fact unknown(String id, String reason, Evidence... evidence) {
    return new Fact(FactId.of(id), Status.UNKNOWN, Value.none(), "", reason, List.of(evidence));
  }

  public static Fact skipped(String id, String reason) {
    return new Fact(FactId.of(id), Status.SKIPPED, Value.none(), "", reason, List.of());
  }

  public Fact withReason(String why) {
    return new Fact(id, status, value, summary, why, evidence);
  }

  /** The first command that reproduces this fact, or empty. */
  public String command() {
    return evidence.isEmpty() ? "" : evidence.get(0).command();
  }
}
