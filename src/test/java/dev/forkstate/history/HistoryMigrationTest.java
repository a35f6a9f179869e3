package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.ListHistory;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases written by the version that stored the report's facts line (schema 2, values as display text): their
 * runs are converted to typed facts on open, and are still listed, diffed and counted in the trends.
 */
class HistoryMigrationTest {
  private static final String CANARY = "sk-canary123456789";
  /** A run as the previous version recorded it: FactDigest.toCommentJson() of its measured facts. */
  private static final String OLD_RUN = "{\"git.describe\":{\"s\":\"PASS\",\"v\":\"31b8ef4\"},"
      + "\"git.head.sha\":{\"s\":\"PASS\",\"v\":\"31b8ef4bef0660335f097582728fd896f3bd27e1\"},"
      + "\"git.tags.at-head\":{\"s\":\"WARN\",\"v\":\"0\"},"
      + "\"happypath.determinism\":{\"s\":\"FAIL\",\"v\":\"1\",\"i\":[\"`tests/smoke/test_a.py::test_x` (passed, "
      + "failed)\"]},"
      + "\"smoke.smokes\":{\"s\":\"FAIL\",\"v\":\"2 passed, 1 failed, 0 errors, 1 skipped\",\"i\":[\"failed "
      + "tests/smoke/test_core.py::test_value\",\"skipped tests/smoke/test_core.py::test_key[" + CANARY + "]\"]},"
      + "\"upstream.behind\":{\"s\":\"PASS\",\"v\":\"4\"},"
      + "\"upstream.last-merge\":{\"s\":\"PASS\",\"v\":\"2025-12-01\"}}";

  @TempDir
  Path tmp;

  /** The schema and rows as the previous version's SQL made them, by hand. */
  private static void oldDatabase(Path db, String... facts) throws Exception {
    Files.createDirectories(db.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
          + "commit_sha TEXT NOT NULL, branch TEXT NOT NULL, exit_code INTEGER NOT NULL, facts TEXT NOT NULL)");
      st.execute("ALTER TABLE runs ADD COLUMN digest TEXT NOT NULL DEFAULT ''");
      st.execute("CREATE INDEX runs_by_time ON runs (time)");
      st.execute("PRAGMA user_version = 2");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (time, commit_sha, branch, exit_code, "
          + "facts, digest) VALUES ('2025-12-24T00:00:00Z', '31b8ef4bef0660335f097582728fd896f3bd27e1', 'main', 1, "
          + "?, 'old')")) {
        for (String f : facts) {
          ps.setString(1, f);
          ps.executeUpdate();
        }
      }
    }
  }

  @Test
  void oldRowsBecomeTypedFactsWithSecretsMaskedAndDamagedOnesStayListed() throws Exception {
    Path db = tmp.resolve("history.db");
    oldDatabase(db, OLD_RUN, "not json at all");
    Redactor redactor = Redactor.fromEnvironment(Map.of("FORKSTATE_TEST_API_KEY", CANARY));
    try (HistoryStore store = HistoryStore.open(db, redactor)) {
      List<HistoryStore.Run> runs = store.recent(10);
      assertThat(runs).extracting(HistoryStore.Run::id).containsExactly(2L, 1L);
      assertThat(runs.get(0).typedFacts()).isEmpty();
      assertThat(Trends.of(runs.get(0)).smokesMeasured()).isFalse();

      HistoryStore.Run old = runs.get(1);
      assertThat(old.facts()).startsWith("{\"v\":2,\"facts\":[");
      RunFacts facts = old.typedFacts().orElseThrow();
      assertThat(facts.get(FactIds.UPSTREAM_BEHIND)).contains(new RunFacts.Entry(Status.PASS, new Value.Count(4)));
      assertThat(facts.get(FactIds.GIT_HEAD_SHA).orElseThrow().value())
          .isEqualTo(new Value.Text("31b8ef4bef0660335f097582728fd896f3bd27e1"));
      Value.Tests tests = (Value.Tests) facts.get(FactIds.smoke("smokes")).orElseThrow().value();
      assertThat(List.of(tests.passed(), tests.failed(), tests.errors(), tests.skipped()))
          .containsExactly(2, 1, 0, 1);
      assertThat(tests.outcomes()).containsExactly(
          Map.entry("tests/smoke/test_core.py::test_key[[REDACTED]]", "skipped"),
          Map.entry("tests/smoke/test_core.py::test_value", "failed"));

      Trends.Point p = Trends.of(old);
      assertThat(p.behind()).isEqualTo(4L);
      assertThat(p.smokesMeasured()).isTrue();
      assertThat(p.smokesGreen()).isFalse();
      assertThat(p.passRate()).isEqualTo(2.0 / 3);
      assertThat(p.flaky()).isTrue();
      assertThat(p.flakyTests()).containsExactly("tests/smoke/test_a.py::test_x");
      assertThat(p.upstreamIn()).isEqualTo("2025-12-01");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(HistoryStore.SCHEMA_VERSION);
    }
    // secure_delete: the rewritten rows' old bytes are zeroed, not left in free pages.
    assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).doesNotContain(CANARY)
        .doesNotContain("1 failed, 0 errors");
  }

  @Test
  void anOldRunIsListedDiffedAndCountedInTheTrends() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("repo"), env, Map.of(
        "tests/smoke/test_core.py", "from pkg import VALUE\n\n\ndef test_value():\n    assert VALUE == 2\n",
        "forkstate.yml", "smokes:\n  - name: smokes\n    command: PYTHONPATH=$(pwd) python3 -m pytest -q tests/smoke\n"
            + "happypath: {determinism_runs: 1}\n",
        ".gitignore", "STATE_OF_PROJECT*\n"));
    oldDatabase(repo.dir().resolve(".forkstate/history.db"), OLD_RUN);

    FactSet facts = new FactSet(new GenerateReport().run(new GenerateRequest(repo.dir(), null,
        GenerateRequest.Format.MD, true, null, env)).report().facts());
    assertThat(facts.get(FactIds.HISTORY_RUNS).orElseThrow().summary()).startsWith("2 runs in the window");
    assertThat(facts.get(FactIds.HISTORY_SMOKE_PASS_RATE).orElseThrow().summary())
        .isEqualTo("smokes green in 1 of 2 runs (50%)");
    assertThat(facts.get(FactIds.HISTORY_BEHIND).orElseThrow().summary())
        .isEqualTo("commits behind upstream, oldest to newest run: 4");

    String table = new ListHistory().run(repo.dir(), null, false, 20, env);
    assertThat(table.lines().skip(1).map(l -> l.split("\\s+")[5]).toList()).containsExactly("green", "red");

    String diff = new ListHistory().diff(repo.dir(), null, 1, 2, env);
    assertThat(diff).contains("- fixed: `tests/smoke/test_core.py::test_value`\n")
        .contains("- `smoke.smokes`: FAIL → PASS\n")
        // stored as PASS by the old version, INFO now: the same measurement, not a change
        .doesNotContain("`git.describe`").doesNotContain("`git.head.sha`");
    // The other way round, from the new run to the old one, the test is newly failing.
    assertThat(new ListHistory().diff(repo.dir(), null, 2, 1, env))
        .contains("- newly failing: `tests/smoke/test_core.py::test_value`\n");
  }

  @Test
  void aFailingTestMissingFromAnOldRunIsNotCalledFixed() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("repo"), env, Map.of());
    String failing = OLD_RUN;
    String passing = OLD_RUN.replace("2 passed, 1 failed, 0 errors, 1 skipped", "3 passed, 0 failed, 0 errors, 1 skipped")
        .replace("\"failed tests/smoke/test_core.py::test_value\",", "");
    oldDatabase(repo.dir().resolve(".forkstate/history.db"), failing, passing);
    assertThat(new ListHistory().diff(repo.dir(), null, 1, 2, env)).contains(
        "- no longer failing (passing tests not recorded): `tests/smoke/test_core.py::test_value`\n")
        .doesNotContain("fixed");
  }
}
