package dev.forkstate.collect.smoke;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Value;
import java.time.Duration;

/**
 * How often a smoke runs. Set in the config ({@code happypath.determinism_runs}), it runs that often. Unset, it
 * runs a second time only when the first run took at most {@code happypath.repeat_under_seconds} (default 30 s):
 * determinism is measured where it is cheap, and a maintainer with a 5-minute suite does not wait 10 minutes on
 * every run; for that suite the determinism fact says it was not measured and how to ask for it.
 */
final class Repeats {
  private Repeats() {}

  /** How many runs a smoke gets when it is repeated. */
  static int runs(Settings.HappyPath hp) {
    return hp.runs();
  }

  /**
   * Why the smoke runs only once after its first run; empty when it is repeated. A first run without per-test
   * outcomes (dependencies missing, no report) is not repeated either: there would be nothing to compare, and the
   * worst run already speaks for the smoke.
   */
  static String whyOnce(Settings.HappyPath hp, Fact first, Duration took) {
    if (hp.runsSet() && hp.runs() < 2) {
      return "happypath.determinism_runs is 1";
    }
    if (!(first.value() instanceof Value.Tests)) {
      return "its first run gave no per-test outcomes (" + first.summary() + "), so there was nothing to compare";
    }
    return whyOnce(hp, took);
  }

  /** Why the smoke runs only once after a first run that took {@code took}; empty when it is repeated. */
  static String whyOnce(Settings.HappyPath hp, Duration took) {
    if (hp.runsSet()) {
      return hp.runs() < 2 ? "happypath.determinism_runs is 1" : "";
    }
    if (took.compareTo(hp.repeatUnder()) <= 0) {
      return "";
    }
    return "its first run took " + took.toSeconds() + " s, more than happypath.repeat_under_seconds ("
        + hp.repeatUnder().toSeconds() + " s), so it ran once; set happypath.determinism_runs: 2 to compare two "
        + "runs (it doubles the smoke's time)";
  }
}
