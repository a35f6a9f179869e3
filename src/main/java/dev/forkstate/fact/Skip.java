package dev.forkstate.fact;

/**
 * Why a fact was not measured. Only a skip the user asked for ({@code --offline}, or a setting such as
 * {@code determinism_runs: 1}) may leave a required check passing; a skip for want of input (no workflow found, no
 * smoke detected, nothing configured) means the question was not answered, and an unanswered question is not a pass.
 */
public enum Skip {
  /** The fact was measured (any status but SKIPPED). */
  NONE,
  /** The user asked not to measure it: offline, or a setting that turns the measurement off. */
  ASKED,
  /** There was nothing to measure: nothing configured, nothing detected. */
  NO_INPUT
}
