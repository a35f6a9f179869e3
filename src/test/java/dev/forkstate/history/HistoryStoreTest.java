package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history: migrations, damage, repeats, and the trend it gives the report over several runs. */
class HistoryStoreTest {
  @TempDir
  Path tmp;

  @Test
  void anOlderSchemaIsMigratedAndItsRowsKept() throws Exception {
    Path db = tmp.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
          + "commit_sha TEXT NOT NULL, branch TEXT NOT NULL, exit_code INTEGER NOT NULL, facts TEXT NOT NULL)");
      st.execute("INSERT INTO runs (time, commit_sha, branch, exit_code, facts) VALUES "
          + "('2025-12-01T00:00:00Z', 'abc', 'fork/stable', 1, '{}')");
      st.execute("PRAGMA user_version = 1");
    }
    try (HistoryStore store = HistoryStore.open(db, Redactor.none())) {
      assertThat(store.recent(10)).singleElement().satisfies(r -> {
        assertThat(r.commit()).isEqualTo("abc");
        assertThat(r.digest()).isEmpty();
        assertThat(r.typedFacts()).contains(RunFacts.empty());
      });
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(HistoryStore.SCHEMA_VERSION);
    }
  }

  @Test
  void aRepeatedRunIsNotRecordedTwice() throws Exception {
    try (HistoryStore store = HistoryStore.open(tmp.resolve("h.db"), Redactor.none())) {
      assertThat(store.record("t1", "c1", "b", 0, "{}", "d1")).isTrue();
      assertThat(store.record("t2", "c1", "b", 0, "{}", "d1")).isFalse();
      assertThat(store.record("t3", "c1", "b", 1, "{}", "d2")).isTrue();
      assertThat(store.recent(10)).extracting(HistoryStore.Run::time).containsExactly("t3", "t1");
    }
  }

  @Test
  void aDamagedOrNewerDatabaseIsUnavailableWithTheReason() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk.db"), "this is not a database, just text that is long enough "
        + "to fill a SQLite header and then some more text to be sure");
    assertThatThrownBy(() -> HistoryStore.open(junk, Redactor.none())).isInstanceOf(HistoryStore.Unavailable.class)
        .hasMessageContaining("is not a readable SQLite database");
    Path newer = tmp.resolve("newer.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version = 99");
    }
    assertThatThrownBy(() -> HistoryStore.open(newer, Redactor.none())).isInstanceOf(HistoryStore.Unavailable.class)
        .hasMessageContaining("newer than this forkstate knows");
  }

  @Test
  void threeRunsWithATestFixedShowTheTrendAndARerunChangesNothing() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("repo"), env, Map.of(
        "tests/smoke/test_core.py", "from pkg import VALUE\n\n\ndef test_value():\n    assert VALUE == 3\n",
        "forkstate.yml", "smokes:\n  - name: smokes\n    command: PYTHONPATH=$(pwd) python3 -m pytest -q tests/smoke\n"
            + "happypath: {determinism_runs: 1}\n",
        ".gitignore", "STATE_OF_PROJECT*\n"));
    generate(repo.dir(), env);
    repo.write("README.md", "still broken\n").commit("docs");
    generate(repo.dir(), env);
    repo.write("pkg/__init__.py", "VALUE = 3\n").commit("fix VALUE");
    FactSet third = generate(repo.dir(), env);
    Fact rate = third.get(FactIds.HISTORY_SMOKE_PASS_RATE).orElseThrow();
    assertThat(rate.summary()).isEqualTo("smokes green in 1 of 3 runs (33%)");
    assertThat(rate.status()).isEqualTo(Status.WARN);
    String md = Files.readString(repo.dir().resolve("STATE_OF_PROJECT.md"));
    assertThat(md).contains("- **WARN** Smokes over runs: smokes green in 1 of 3 runs (33%)")
        .contains("![STATE_OF_PROJECT.trend.svg](<STATE_OF_PROJECT.trend.svg>)");
    // The chart: parsed as XML, one point per run; pass rate 0% twice, then 100% (y grows downwards).
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(repo.dir().resolve("STATE_OF_PROJECT.trend.svg").toFile());
    var lines = doc.getElementsByTagName("polyline");
    assertThat(lines.getLength()).isEqualTo(1); // no upstream here: no behind series
    var pass = (org.w3c.dom.Element) lines.item(0);
    assertThat(pass.getAttribute("id")).isEqualTo("pass-rate");
    assertThat(pass.getAttribute("points")).isEqualTo("50.0,200.0 320.0,200.0 590.0,30.0");
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(3);

    // The first rerun still lists the changes since the third run; from then on the bytes hold.
    generate(repo.dir(), env);
    String before = Files.readString(repo.dir().resolve("STATE_OF_PROJECT.md"));
    generate(repo.dir(), env);
    assertThat(Files.readString(repo.dir().resolve("STATE_OF_PROJECT.md"))).isEqualTo(before);
    assertThat(before).contains("- **WARN** Smokes over runs: smokes green in 1 of 3 runs (33%)");
    try (HistoryStore store = HistoryStore.open(repo.dir().resolve(".forkstate/history.db"), Redactor.none())) {
      assertThat(store.recent(10)).hasSize(3);
    }
    assertThat(repo.git("status", "--porcelain")).isEmpty();

    String table = new dev.forkstate.app.ListHistory().run(repo.dir(), null, false, 20, env);
    assertThat(table.lines().toList()).hasSize(4);
    assertThat(table.lines().skip(1).map(l -> l.split("\\s+")[5]).toList()).containsExactly("green", "red", "red");
    String diff = new dev.forkstate.app.ListHistory().diff(repo.dir(), null, 1, 3, env);
    assertThat(diff).startsWith("run 1 (2026-01-01T00:00:00Z, ").contains("- fixed: `tests/smoke/test_core.py::test_value`")
        .contains("- `smoke.smokes`: FAIL → PASS");
    assertThatThrownBy(() -> new dev.forkstate.app.ListHistory().diff(repo.dir(), null, 1, 9, env))
        .hasMessageContaining("no run 9 in the history");
    String json = new dev.forkstate.app.ListHistory().run(repo.dir(), null, true, 1, env);
    assertThat(json).contains("\"run\" : 3").contains("\"smokesGreen\" : true").doesNotContain("\"run\" : 2");
  }

  @Test
  void historyWithoutARecordedRunIsAUserError() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("empty"), env, Map.of());
    assertThatThrownBy(() -> new dev.forkstate.app.ListHistory().run(repo.dir(), null, false, 20, env))
        .isInstanceOf(dev.forkstate.error.UserError.class).hasMessageContaining("no run history at .forkstate/history.db");
    assertThat(repo.dir().resolve(".forkstate")).doesNotExist();
  }

  @Test
  void aLockedDatabaseIsUnavailableNotAFailure() throws Exception {
    Path db = tmp.resolve("locked.db");
    try (HistoryStore store = HistoryStore.open(db, Redactor.none())) {
      store.record("t", "c", "b", 0, "{}", "d");
    }
    try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = holder.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      assertThatThrownBy(() -> {
        try (HistoryStore store = HistoryStore.open(db, Redactor.none())) {
          store.record("t2", "c2", "b", 0, "{}", "d2");
        }
      }).isInstanceOf(HistoryStore.Unavailable.class).hasMessageContaining("is locked by another process");
      st.execute("ROLLBACK");
    }
  }

  @Test
  void aDamagedDatabaseStillGivesAReportWithHistoryUnknown() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("repo"), env, Map.of(".gitignore", "STATE_OF_PROJECT.md*\n"));
    Files.createDirectories(repo.dir().resolve(".forkstate"));
    Files.writeString(repo.dir().resolve(".forkstate/history.db"), "garbage ".repeat(40));
    FactSet facts = generate(repo.dir(), env);
    Fact runs = facts.get(FactIds.HISTORY_RUNS).orElseThrow();
    assertThat(runs.status()).isEqualTo(Status.UNKNOWN);
    assertThat(runs.reason()).startsWith("history unavailable: ").contains("not a readable SQLite database");
    assertThat(repo.dir().resolve("STATE_OF_PROJECT.md")).exists();
    assertThat(Files.readString(repo.dir().resolve(".forkstate/history.db"))).startsWith("garbage");
  }

  /**
   * A JSON run between two Markdown runs at the same commit measures the same tree (the untracked report is
   * forkstate's in every run), so it is not a new run, and the Markdown rerun after it changes nothing.
   */
  @Test
  void aJsonRunBetweenReportRunsIsNotANewRun() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("mixed"), env, Map.of(
        "tests/smoke/test_core.py", "def test_ok():\n    pass\n",
        "forkstate.yml", "smokes:\n  - name: smokes\n    command: python3 -m pytest -q tests/smoke\n"
            + "happypath: {determinism_runs: 1}\n"));
    generate(repo.dir(), env);
    generate(repo.dir(), env);
    String md = Files.readString(repo.dir().resolve("STATE_OF_PROJECT.md"));
    Path json = tmp.resolve("outside.json");
    new GenerateReport().run(new GenerateRequest(repo.dir(), json.toString(), GenerateRequest.Format.JSON, true, null,
        env));
    generate(repo.dir(), env);
    assertThat(Files.readString(repo.dir().resolve("STATE_OF_PROJECT.md"))).isEqualTo(md);
    try (HistoryStore store = HistoryStore.open(repo.dir().resolve(".forkstate/history.db"), Redactor.none())) {
      assertThat(store.recent(10)).hasSize(1);
    }
  }

  private static FactSet generate(Path repo, Map<String, String> env) {
    return new FactSet(new GenerateReport().run(new GenerateRequest(repo, null, GenerateRequest.Format.MD, true,
        null, env)).report().facts());
  }

  @Test
  void checkSaysWhetherTheCommittedReportIsStillTrue() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = Repos.python(tmp.resolve("checked"), env, Map.of(
        "tests/smoke/test_core.py", "from pkg import VALUE\n\n\ndef test_value():\n    assert VALUE == 2\n",
        "forkstate.yml", "smokes:\n  - name: smokes\n    command: PYTHONPATH=$(pwd) python3 -m pytest -q tests/smoke\n"
            + "happypath: {determinism_runs: 1}\n"));
    GenerateRequest req = new GenerateRequest(repo.dir(), null, GenerateRequest.Format.MD, true, null, env);
    assertThatThrownBy(() -> new dev.forkstate.app.CheckReport().run(req, "STATE_OF_PROJECT.md"))
        .hasMessageContaining("no committed STATE_OF_PROJECT.md at HEAD");
    generate(repo.dir(), env);
    repo.commit("report");
    var current = new dev.forkstate.app.CheckReport().run(req, "STATE_OF_PROJECT.md");
    assertThat(current.differences()).isEmpty();
    assertThat(current.exit()).isEqualTo(dev.forkstate.error.ExitCode.OK);

    repo.write("pkg/__init__.py", "VALUE = 5\n").commit("break VALUE");
    var stale = new dev.forkstate.app.CheckReport().run(req, "STATE_OF_PROJECT.md");
    assertThat(stale.exit()).isEqualTo(dev.forkstate.error.ExitCode.CHECKS_NOT_PASSING);
    assertThat(stale.differences()).contains("smoke.smokes: PASS in the report, FAIL now");
    assertThat(stale.message()).contains("is stale");
  }
}
