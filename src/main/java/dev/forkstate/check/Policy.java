package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;

/**
 * One rule that turns a measurement into a judgement. A collector states what it found (INFO, with a typed value
 * carrying everything the rule needs); the policy returns the same fact id with the judged status, summary and
 * reason. Anything else (UNKNOWN, SKIPPED, a fact already judged, a value of another shape) comes back unchanged:
 * a policy never makes a PASS out of something nobody measured.
 */
sealed interface Policy permits FlagPolicy, DefaultsPolicy, OptionalImportPolicy, MetricThresholdPolicy,
    MergeConflictPolicy, PrBranchPolicy, TrendPolicy, CommittedSecretPolicy {
  /** Whether this policy is the one that judges facts with this id. */
  boolean covers(FactId id);

  /** The judged fact, with the same id and evidence; unchanged when {@code measured} is not its measurement. */
  Fact judge(Fact measured);
}
