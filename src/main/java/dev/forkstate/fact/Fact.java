package dev.forkstate.fact;

import java.util.List;

/**
 * One measured thing. Invariants that protect the report from false greens: a PASS always carries the evidence that
 * produced it, an UNKNOWN or SKIPPED always says why, and a SKIPPED says whether the user asked for it ({@link Skip}).
 *
 * <p>What was measured and why it holds no answer are {@link Phrase}s: words and typed items, never Markdown. The
 * constructors and factories that take a String take plain words, for sentences with no item in them.
 * {@link #summary()} and {@link #reason()} give the plain text (for terminals, the model's evidence pack, tests);
 * renderers read {@link #summaryPhrase()} and {@link #reasonPhrase()} to show the items as items.
 */
public record Fact(FactId id, Status status, Value value, Phrase summaryPhrase, Phrase reasonPhrase,
                   List<Evidence> evidence, Skip skip) {
  public Fact {
    if (id == null || status == null || value == null) {
      throw new IllegalArgumentException("fact needs id, status and value");
    }
    // A skip nobody asked for is the safe default: it blocks a required check rather than passing it.
    skip = status != Status.SKIPPED ? Skip.NONE : skip == null || skip == Skip.NONE ? Skip.NO_INPUT : skip;
    summaryPhrase = summaryPhrase == null ? Phrase.empty() : summaryPhrase;
    reasonPhrase = reasonPhrase == null ? Phrase.empty() : reasonPhrase;
    evidence = List.copyOf(evidence);
    if (status == Status.PASS && evidence.isEmpty()) {
      throw new IllegalArgumentException(id + ": PASS needs evidence");
    }
    if ((status == Status.UNKNOWN || status == Status.SKIPPED) && reasonPhrase.isBlank()) {
      throw new IllegalArgumentException(id + ": " + status + " needs a reason");
    }
  }

  /** A fact that is not a skip the user asked for. */
  public Fact(FactId id, Status status, Value value, Phrase summary, Phrase reason, List<Evidence> evidence) {
    this(id, status, value, summary, reason, evidence, Skip.NONE);
  }

  /** A fact whose summary and reason are plain words. */
  public Fact(FactId id, Status status, Value value, String summary, String reason, List<Evidence> evidence,
              Skip skip) {
    this(id, status, value, Phrase.of(summary), Phrase.of(reason), evidence, skip);
  }

  /** A fact whose summary and reason are plain words, and not a skip the user asked for. */
  public Fact(FactId id, Status status, Value value, String summary, String reason, List<Evidence> evidence) {
    this(id, status, value, Phrase.of(summary), Phrase.of(reason), evidence, Skip.NONE);
  }

  public static Fact of(FactId id, Status status, Value value, Phrase summary, Evidence... evidence) {
    return new Fact(id, status, value, summary, Phrase.empty(), List.of(evidence));
  }

  public static Fact of(FactId id, Status status, Value value, String summary, Evidence... evidence) {
    return of(id, status, value, Phrase.of(summary), evidence);
  }

  public static Fact unknown(FactId id, Phrase reason, Evidence... evidence) {
    return new Fact(id, Status.UNKNOWN, Value.none(), Phrase.empty(), reason, List.of(evidence));
  }

  public static Fact unknown(FactId id, String reason, Evidence... evidence) {
    return unknown(id, Phrase.of(reason), evidence);
  }

  /** Not measured because there was nothing to measure (nothing configured or detected): blocks a required check. */
  public static Fact skipped(FactId id, String reason) {
    return new Fact(id, Status.SKIPPED, Value.none(), Phrase.empty(), Phrase.of(reason), List.of(), Skip.NO_INPUT);
  }

  /** Not measured because the user asked (--offline, a setting): the only skip a required check may pass with. */
  public static Fact skippedAsked(FactId id, Phrase reason) {
    return new Fact(id, Status.SKIPPED, Value.none(), Phrase.empty(), reason, List.of(), Skip.ASKED);
  }

  public static Fact skippedAsked(FactId id, String reason) {
    return skippedAsked(id, Phrase.of(reason));
  }

  /** A measurement that judges nothing: a count, a date, a sha. */
  public static Fact info(FactId id, Value value, Phrase summary, Evidence... evidence) {
    return of(id, Status.INFO, value, summary, evidence);
  }

  public static Fact info(FactId id, Value value, String summary, Evidence... evidence) {
    return info(id, value, Phrase.of(summary), evidence);
  }

  // The String-id factories below are for collect/ci, which still spells its ids itself, and for the failure ids a
  // Collector lists as text; they go when collect/ci reads its ids from FactIds. Everything else passes a FactId.

  /** String id: for collect/ci until its ids move to {@link FactIds}. */
  public static Fact of(String id, Status status, Value value, Phrase summary, Evidence... evidence) {
    return of(FactId.of(id), status, value, summary, evidence);
  }

  /** String id: for collect/ci until its ids move to {@link FactIds}. */
  public static Fact of(String id, Status status, Value value, String summary, Evidence... evidence) {
    return of(FactId.of(id), status, value, summary, evidence);
  }

  /** String id: for collect/ci until its ids move to {@link FactIds}. */
  public static Fact unknown(String id, Phrase reason, Evidence... evidence) {
    return unknown(FactId.of(id), reason, evidence);
  }

  /** String id: for collect/ci and Collector failure ids until they move to {@link FactIds}. */
  public static Fact unknown(String id, String reason, Evidence... evidence) {
    return unknown(FactId.of(id), reason, evidence);
  }

  /** String id: for collect/ci until its ids move to {@link FactIds}. */
  public static Fact skipped(String id, String reason) {
    return skipped(FactId.of(id), reason);
  }

  /** String id: for collect/ci until its ids move to {@link FactIds}. */
  public static Fact skippedAsked(String id, Phrase reason) {
    return skippedAsked(FactId.of(id), reason);
  }

  /** String id: for collect/ci until its ids move to {@link FactIds}. */
  public static Fact skippedAsked(String id, String reason) {
    return skippedAsked(FactId.of(id), reason);
  }

  public Fact withReason(Phrase why) {
    return new Fact(id, status, value, summaryPhrase, why, evidence, skip);
  }

  public Fact withReason(String why) {
    return withReason(Phrase.of(why));
  }

  /** What was measured, as plain text (items shown as they are). */
  public String summary() {
    return summaryPhrase.plain();
  }

  /** Why the fact holds no answer or what it adds, as plain text (items shown as they are). */
  public String reason() {
    return reasonPhrase.plain();
  }

  /** The first command that reproduces this fact, or empty. */
  public String command() {
    return evidence.isEmpty() ? "" : evidence.get(0).command();
  }
}
