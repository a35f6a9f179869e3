package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.ListHistory;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * forkstate diff on recorded runs, read from their typed facts: "fixed" only for a test that ran and passed after
 * failing; a failing test now skipped or not run says so; a stored PASS and INFO of one measurement are no change.
 */
class HistoryDiffTest {
  @TempDir
  Path tmp;

  private static Value.TestCase failed(String id) {
    return new Value.TestCase(id, "failed", "AssertionError");
  }

  @Test
  void eachWayATestCanChangeIsNamedForWhatItIs() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("repo"), env, Map.of());
    try (HistoryStore store = HistoryStore.open(repo.dir().resolve(".forkstate/history.db"), Redactor.none())) {
      // Before: a passes; b, c and d fail.
      record(store, "c1", run(new Value.Tests(1, 3, 0, 0, List.of(failed("t.py::b"), failed("t.py::c"),
          failed("t.py::d")), List.of("t.py::a")), Status.PASS, 4));
      // After: a fails, b passes, c is skipped, d did not run; the run names every test that passed.
      record(store, "c2", run(new Value.Tests(1, 1, 0, 1, List.of(failed("t.py::a"),
          new Value.TestCase("t.py::c", "skipped", "needs a GPU")), List.of("t.py::b")), Status.INFO, 4));
      record(store, "c3", run(new Value.Tests(1, 1, 0, 1, List.of(failed("t.py::a"),
          new Value.TestCase("t.py::c", "skipped", "needs a GPU")), List.of("t.py::b")), Status.INFO, 6));
    }
    String diff = new ListHistory().diff(repo.dir(), null, 1, 2, env);
    assertThat(diff.lines().skip(1).toList()).containsExactly(
        "- newly failing: `t.py::a`",
        "- fixed: `t.py::b`",
        "- now skipped: `t.py::c`",
        "- no longer run: `t.py::d`",
        "- HEAD: `c1` → `c2`");
    // upstream.behind went from PASS (as older versions judged a count) to INFO with the same count: no change.
    assertThat(diff).doesNotContain("upstream.behind").doesNotContain("smoke.smokes");
    assertThat(new ListHistory().diff(repo.dir(), null, 2, 3, env).lines().skip(1).toList())
        .containsExactly("- commits behind upstream: 4 → 6 (+2)", "- HEAD: `c2` → `c3`");
  }

  private static RunFacts run(Value.Tests tests, Status behindStatus, long behind) {
    Map<String, RunFacts.Entry> facts = new TreeMap<>();
    facts.put("smoke.smokes", new RunFacts.Entry(Status.FAIL, tests));
    facts.put("upstream.behind", new RunFacts.Entry(behindStatus, new Value.Count(behind)));
    return new RunFacts(new TreeMap<>(facts));
  }

  private static void record(HistoryStore store, String commit, RunFacts facts) throws Exception {
    Map<String, RunFacts.Entry> withHead = new TreeMap<>(facts.facts());
    withHead.put("git.head.sha", new RunFacts.Entry(Status.INFO, new Value.Text(commit)));
    String json = RunFactsJson.write(new RunFacts(new TreeMap<>(withHead)), Redactor.none());
    store.record("2026-01-01T00:00:00Z", commit, "main", 1, json, commit);
  }
}
