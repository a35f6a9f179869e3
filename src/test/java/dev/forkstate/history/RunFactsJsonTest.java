package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The stored run read for a few of its facts: the same entries as the whole read, built for those alone. */
class RunFactsJsonTest {
  private static RunFacts largeRun() {
    SortedMap<String, RunFacts.Entry> facts = new TreeMap<>();
    List<Value.TestCase> failed = List.of(new Value.TestCase("tests/t.py::test_a", "failed", "assert 1 == 2"));
    facts.put("smoke.core", new RunFacts.Entry(Status.FAIL, new Value.Tests(3, 1, 0, 0, failed)));
    facts.put("upstream.behind", new RunFacts.Entry(Status.INFO, new Value.Count(160)));
    facts.put("upstream.last-merge", new RunFacts.Entry(Status.INFO, new Value.Text("2025-12-17")));
    List<Phrase> paths = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      paths.add(Phrase.of(Phrase.Kind.PATH, "pkg/mod_" + i + ".py").then(": 1 commit"));
    }
    facts.put("upstream.patches.fork-only", new RunFacts.Entry(Status.INFO, new Value.Items(paths)));
    facts.put("happypath.determinism", new RunFacts.Entry(Status.PASS, new Value.Count(0)));
    return new RunFacts(facts);
  }

  @Test
  void theWantedFactsReadAsTheWholeReadHasThemAndTheOthersAreLeftOut() {
    String stored = RunFactsJson.write(largeRun(), Redactor.none());
    RunFacts whole = RunFactsJson.read(stored).orElseThrow();
    RunFacts some = RunFactsJson.read(stored, Trends.READS).orElseThrow();

    SortedMap<String, RunFacts.Entry> expected = new TreeMap<>(whole.facts());
    expected.keySet().removeIf(Predicate.not(Trends.READS));
    assertThat(some.facts()).isEqualTo(expected).containsOnlyKeys("happypath.determinism", "smoke.core",
        "upstream.behind", "upstream.last-merge");
    assertThat(Trends.of("t", "c", some)).isEqualTo(Trends.of("t", "c", whole));
  }

  /** A hand-edited row may put a value before its id, or the version last: still read, never a wrong entry. */
  @Test
  void fieldOrderDoesNotMatter() {
    String reordered = "{\"facts\":[{\"value\":{\"type\":\"count\",\"n\":7},\"status\":\"INFO\",\"id\":\"upstream.behind\"},"
        + "{\"value\":{\"type\":\"count\",\"n\":9},\"id\":\"upstream.ahead\",\"status\":\"INFO\"}],\"v\":2}";
    assertThat(RunFactsJson.read(reordered, Trends.READS).orElseThrow().facts())
        .isEqualTo(java.util.Map.of("upstream.behind",
            RunFactsJson.read(reordered).orElseThrow().facts().get("upstream.behind")));
  }

  @Test
  void damagedOrOtherDocumentsAreEmpty() {
    for (String bad : new String[] {"", "not json", "[]", "{\"v\":1,\"facts\":[]}", "{\"v\":2}",
        "{\"v\":2,\"facts\":[{\"id\":\"upstream.behind\",\"value\":{\"type\":\"count\",\"n\":7}"}) {
      assertThat(RunFactsJson.read(bad, id -> true)).as(bad).isEmpty();
    }
  }
}
