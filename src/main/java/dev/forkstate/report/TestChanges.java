package dev.forkstate.report;

import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Test by test, what changed in one smoke between two runs. "Fixed" is kept for a test that ran and passed this
 * time after failing last time; a failing test that is now skipped, or that did not run at all, is said to be so,
 * since neither shows the failure is gone.
 */
final class TestChanges {

  private TestChanges() {}

  /**
   * @param was outcome per test id last time (passed, failed, error, skipped)
   * @param is outcome per test id this time
   * @param passingNamed whether this run names every test that passed; when it does not (a run recorded before
   *     forkstate kept passing ids), a failing test missing from {@code is} may have passed or not run
   */
  static List<Phrase> between(Map<String, String> was, Map<String, String> is, boolean passingNamed) {
    List<Phrase> newlyFailing = new ArrayList<>();
    List<Phrase> fixed = new ArrayList<>();
    List<Phrase> skipped = new ArrayList<>();
    List<Phrase> gone = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>(was.keySet());
    ids.addAll(is.keySet());
    for (String id : ids) {
      boolean failedBefore = failing(was.get(id));
      String now = is.get(id);
      if (!failedBefore && failing(now)) {
        newlyFailing.add(Phrase.of("newly failing: ").then(Phrase.Kind.TEST_ID, id));
      } else if (failedBefore && "passed".equals(now)) {
        fixed.add(Phrase.of("fixed: ").then(Phrase.Kind.TEST_ID, id));
      } else if (failedBefore && "skipped".equals(now)) {
        skipped.add(Phrase.of("now skipped: ").then(Phrase.Kind.TEST_ID, id));
      } else if (failedBefore && now == null) {
        gone.add(Phrase.of(passingNamed ? "no longer run: " : "no longer failing (passing tests not recorded): ")
            .then(Phrase.Kind.TEST_ID, id));
      }
    }
    List<Phrase> out = new ArrayList<>(newlyFailing);
    out.addAll(fixed);
    out.addAll(skipped);
    out.addAll(gone);
    return out;
  }

  private static boolean failing(String outcome) {
    return "failed".equals(outcome) || "error".equals(outcome);
  }
}
