package dev.forkstate.collect.happypath;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;

/**
 * The new settings that are not flags, each as its own fact so that no rule judges them and nothing reads them as
 * flags: credentials (a secret handed on as a value; only its name is ever shown) and settings read only in tests.
 */
final class NotFlags {
  private NotFlags() {}

  static Fact credentials(List<Value.Candidate> found, Evidence ev) {
    return Fact.of(FactIds.PYTHON_CREDENTIALS, Status.INFO, items(found), found.isEmpty()
        ? "no new credentials" : Noun.count(found.size(), "new credential") + " the fork reads (not flags)", ev);
  }

  static Fact testOnly(List<Value.Candidate> found, Evidence ev) {
    return Fact.of(FactIds.PYTHON_TEST_ONLY_SETTINGS, Status.INFO, items(found), found.isEmpty()
        ? "no new test-only settings" : Noun.count(found.size(), "new setting") + " read only in tests (not flags)",
        ev);
  }

  private static Value items(List<Value.Candidate> found) {
    List<Phrase> lines = found.stream().map(Value.Candidate::text).toList();
    return new Value.Items(lines);
  }
}
