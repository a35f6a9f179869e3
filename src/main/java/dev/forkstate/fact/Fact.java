package dev.forkstate.fact;

import java.util.List;

/**
 * One measured thing. Invariants that protect the report from false greens: a PASS always carries the evidence that
 * produced it, an UNKNOWN or SKIPPED always says why, and a SKIPPED says whether the user asked for it ({@link Skip}).
 */
public record Fact(FactId id, Status status, Value value, String summary, String reason, List<Evidence> evidence,
                   Skip skip) {
  public Fact {
    if (id == null || status == null || value == null) {
      throw new IllegalArgumentException("fact needs id, status and value");
    }
    // A skip nobody asked for is the safe default: it blocks a required check rather than passing it.
    skip = status != Status.SKIPPED ? Skip.NONE : skip == null || skip == Skip.NONE ? Skip.NO_INPUT : skip;
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

  /** A fact that is not a skip the user asked for. */
  public Fact(FactId id, Status status, Value value, String summary, String reason, List<Evidence> evidence) {
    this(id, status, value, summary, reason, evidence, Skip.NONE);
  }

  public static Fact of(String id, Status status, Value value, String summary, Evidence... evidence) {
    return new Fact(FactId.of(id), status, value, summary, "", List.of(evidence));
  }

  public static Fact unknown(String id, String reason, Evidence... evidence) {
    return new Fact(FactId.of(id), Status.UNKNOWN, Value.none(), "", reason, List.of(evidence));
  }

  /** Not measured because there was nothing to measure (nothing configured or detected): blocks a required check. */
  public static Fact skipped(String id, String reason) {
    return new Fact(FactId.of(id), Status.SKIPPED, Value.none(), "", reason, List.of(), Skip.NO_INPUT);
  }

  /** Not measured because the user asked (--offline, a setting): the only skip a required check may pass with. */
  public static Fact skippedAsked(String id, String reason) {
    return new Fact(FactId.of(id), Status.SKIPPED, Value.none(), "", reason, List.of(), Skip.ASKED);
  }

  /** A measurement that judges nothing: a count, a date, a sha. */
  public static Fact info(String id, Value value, String summary, Evidence... evidence) {
    return new Fact(FactId.of(id), Status.INFO, value, summary, "", List.of(evidence));
  }

  public Fact withReason(String why) {
    return new Fact(id, status, value, summary, why, evidence, skip);
  }

  /** The first command that reproduces this fact, or empty. */
  public String command() {
    return evidence.isEmpty() ? "" : evidence.get(0).command();
  }
}
