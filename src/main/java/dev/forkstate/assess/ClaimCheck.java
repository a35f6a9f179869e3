package dev.forkstate.assess;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compares one claim exactly with the fact it names: the stated status must be the measured status by name, the
 * stated number the fact's count, a stated test count the same count of the test run. No reading of words, no
 * tolerance: a claim either agrees or the point goes, with the fact, the claimed and the measured value. Pure.
 */
final class ClaimCheck {
  /**
   * Status names a claim may use. INFO is named here, not taken from {@link Status}, because it is being added there
   * separately: a claim of INFO then reads as a disagreement with the measured status, never as a typo, before and
   * after that change.
   */
  private static final List<String> STATUS_NAMES = Stream.concat(Arrays.stream(Status.values()).map(Status::name),
      Stream.of("INFO")).distinct().toList();

  private ClaimCheck() {}

  /** Why the claim is wrong about the fact, or empty when it agrees. */
  static Optional<String> disagreement(Claim c, Fact f) {
    if (c.field().equals(Claim.STATUS)) {
      return status(c, f);
    }
    Optional<Long> measured = measured(c.field(), f.value());
    if (measured.isEmpty()) {
      return Optional.of("claims " + c.fact() + " " + c.field() + " " + c.shown() + ", but it measured "
          + (c.field().equals(Claim.NUMBER) ? "no single count" : "no test run")
          + (f.value() instanceof Value.Tests ? " (claim passed, failed, errors or skipped)" : ""));
    }
    // Compared as text: the stated number may not fit a long, and then it cannot be the measured one either.
    String n = Long.toString(measured.get());
    return c.stated().equals(n) ? Optional.empty()
        : Optional.of("claims " + c.fact() + " " + c.field() + " " + c.shown() + "; measured " + n);
  }

  private static Optional<String> status(Claim c, Fact f) {
    String measured = f.status().name();
    if (c.stated().equals(measured)) {
      return Optional.empty();
    }
    if (!STATUS_NAMES.contains(c.stated())) {
      return Optional.of("claims " + c.fact() + " is " + c.shown() + ", which is not a status ("
          + String.join(", ", STATUS_NAMES) + "); measured " + measured);
    }
    return Optional.of("claims " + c.fact() + " is " + c.shown() + "; measured " + measured);
  }

  private static Optional<Long> measured(String field, Value v) {
    if (field.equals(Claim.NUMBER)) {
      return v instanceof Value.Count c ? Optional.of(c.n()) : Optional.empty();
    }
    if (!(v instanceof Value.Tests t)) {
      return Optional.empty();
    }
    return Optional.of((long) switch (field) {
      case "passed" -> t.passed();
      case "failed" -> t.failed();
      case "errors" -> t.errors();
      case "skipped" -> t.skipped();
      default -> throw new IllegalArgumentException("not a test count: " + field);
    });
  }
}
