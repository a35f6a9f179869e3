package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored runs as the trends read them: SQLite picks the wanted facts out of each row, and every row (large, damaged,
 * of another version, hand-edited) gives the same trend point as reading the whole row in Java does.
 */
class StoredWindowTest {
  @TempDir
  Path tmp;

  private static String run(Status smoke, long behind) {
    SortedMap<String, RunFacts.Entry> facts = new TreeMap<>();
    facts.put("smoke.core", new RunFacts.Entry(smoke, new Value.Tests(3, smoke == Status.PASS ? 0 : 1, 0, 0,
        List.of(new Value.TestCase("tests/t.py::test_a ünïcode \"q\"", "failed", "assert 1 == 2\n")))));
    facts.put("smoke.other", new RunFacts.Entry(Status.PASS, new Value.Tests(2, 0, 0, 1, List.of())));
    facts.put("smokes.not-a-smoke", new RunFacts.Entry(Status.FAIL, new Value.Count(1)));
    facts.put("upstream.behind", new RunFacts.Entry(Status.INFO, new Value.Count(behind)));
    facts.put("upstream.last-merge", new RunFacts.Entry(Status.INFO, new Value.Text("2025-12-17")));
    facts.put("happypath.determinism", new RunFacts.Entry(Status.FAIL, new Value.Items(List.of(
        Phrase.of(Phrase.Kind.TEST_ID, "tests/t.py::test_b").then(" (passed, failed)")))));
    List<Phrase> paths = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      paths.add(Phrase.of(Phrase.Kind.PATH, "pkg/mod_" + i + ".py").then(": 1 commit"));
    }
    facts.put("upstream.patches.fork-only", new RunFacts.Entry(Status.INFO, new Value.Items(paths)));
    return RunFactsJson.write(new RunFacts(facts), Redactor.none());
  }

  @Test
  void everyRowReadsAsItsWholeDocumentReadsForTheTrends() throws Exception {
    List<String> documents = List.of(run(Status.PASS, 4), run(Status.FAIL, 7),
        "not json", "{\"v\":1,\"facts\":[{\"id\":\"upstream.behind\",\"status\":\"INFO\",\"value\":{\"type\":\"count\",\"n\":3}}]}",
        "{\"v\":2}", "{\"v\":2,\"facts\":{\"id\":\"upstream.behind\"}}", "{\"v\":2,\"facts\":[1,\"x\",null]}",
        "{\"facts\":[{\"value\":{\"type\":\"count\",\"n\":7},\"status\":\"INFO\",\"id\":\"upstream.behind\"}],\"v\":2}",
        "");
    try (HistoryStore store = HistoryStore.open(tmp.resolve("h.db"), Redactor.none())) {
      for (int i = 0; i < documents.size(); i++) {
        store.record("2026-01-0" + (i + 1) + "T00:00:00Z", "c" + i, "main", 0, documents.get(i), "d" + i);
      }
      List<HistoryStore.Run> whole = store.recent(20);
      List<HistoryStore.Run> picked = store.recent(20, Trends.READS);
      assertThat(picked).hasSize(documents.size());
      for (int i = 0; i < whole.size(); i++) {
        HistoryStore.Run w = whole.get(i);
        HistoryStore.Run p = picked.get(i);
        assertThat(List.of(p.id(), p.time(), p.commit(), p.branch(), p.digest()))
            .isEqualTo(List.of(w.id(), w.time(), w.commit(), w.branch(), w.digest()));
        Optional<RunFacts> expected = RunFactsJson.read(w.facts(), Trends.READS);
        assertThat(p.typedFacts(Trends.READS).orElse(RunFacts.empty())).as(w.facts())
            .isEqualTo(expected.orElse(RunFacts.empty()));
        assertThat(Trends.of(p)).isEqualTo(Trends.of(w));
      }
      // The large rows come back with the wanted facts only.
      assertThat(picked.get(documents.size() - 1).facts().length()).isLessThan(whole.get(documents.size() - 1)
          .facts().length() / 50);
      assertThat(RunFactsJson.read(picked.get(documents.size() - 1).facts()).orElseThrow().facts())
          .containsOnlyKeys("happypath.determinism", "smoke.core", "smoke.other", "upstream.behind",
              "upstream.last-merge");
    }
  }

  @Test
  void aFilterOfPrefixesOnlyOrIdsOnlyPicksThose() throws Exception {
    try (HistoryStore store = HistoryStore.open(tmp.resolve("h.db"), Redactor.none())) {
      store.record("2026-01-01T00:00:00Z", "c", "main", 0, run(Status.PASS, 4), "d");
      assertThat(RunFactsJson.read(store.recent(1, new FactFilter(List.of("smoke."), List.of())).get(0).facts())
          .orElseThrow().facts()).containsOnlyKeys("smoke.core", "smoke.other");
      assertThat(RunFactsJson.read(store.recent(1, new FactFilter(List.of(), List.of("upstream.behind"))).get(0)
          .facts()).orElseThrow().facts()).containsOnlyKeys("upstream.behind");
    }
  }

  @Test
  void aRepeatOfTheNewestRowIsCountedOnce() throws Exception {
    try (HistoryStore store = HistoryStore.open(tmp.resolve("h.db"), Redactor.none())) {
      for (int i = 0; i < 12; i++) {
        store.record("2026-01-" + (10 + i) + "T00:00:00Z", "c" + i, "main", 0, run(Status.PASS, i), "d" + i);
      }
      StoredWindow window = StoredWindow.read(store);
      assertThat(window.newestFirst()).hasSize(Trends.WINDOW).first()
          .satisfies(s -> assertThat(List.of(s.commit(), s.digest())).containsExactly("c11", "d11"));
      Trends.Point own = Trends.of("now", "c12", RunFacts.empty());
      assertThat(window.pointsWith("c11", "d11", () -> own)).hasSize(10).doesNotContain(own)
          .extracting(Trends.Point::behind).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
      assertThat(window.pointsWith("c11", "other", () -> own)).hasSize(10).endsWith(own)
          .extracting(Trends.Point::behind).startsWith(3L);
      assertThat(window.pointsWith("c12", "d11", () -> own)).hasSize(10).endsWith(own);
    }
  }
}
