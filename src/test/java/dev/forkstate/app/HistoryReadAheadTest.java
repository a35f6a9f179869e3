package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.history.HistoryStore;
import dev.forkstate.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history read while the collectors run touches only a database that exists at this schema version: it creates
 * no file in the repository and migrates nothing (a migration waits for the run's full redactor).
 */
class HistoryReadAheadTest {
  @TempDir
  Path tmp;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Map<String, String> env() {
    return Map.of("HOME", tmp.resolve("home").toString());
  }

  @Test
  void noDatabaseIsCreated() {
    Path db = tmp.resolve(".forkstate/history.db");
    try (HistoryReadAhead ahead = HistoryReadAhead.start(db, env(), pool)) {
      assertThat(ahead.take()).isEmpty();
    }
    assertThat(tmp.resolve(".forkstate")).doesNotExist();
  }

  @Test
  void anOlderSchemaIsLeftForTheMigrationAfterTheCollectors() throws Exception {
    Path db = tmp.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
          + "commit_sha TEXT NOT NULL, branch TEXT NOT NULL, exit_code INTEGER NOT NULL, facts TEXT NOT NULL)");
      st.execute("PRAGMA user_version = 1");
    }
    try (HistoryReadAhead ahead = HistoryReadAhead.start(db, env(), pool)) {
      assertThat(ahead.take()).isEmpty();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aCurrentDatabaseIsReadAndHandedOverOpen() throws Exception {
    Path db = tmp.resolve("history.db");
    try (HistoryStore store = HistoryStore.open(db, Redactor.none())) {
      store.record("2026-01-01T00:00:00Z", "c1", "main", 0, "{\"v\":2,\"facts\":[]}", "d1");
    }
    try (HistoryReadAhead ahead = HistoryReadAhead.start(db, env(), pool)) {
      HistoryReadAhead.Opened opened = ahead.take().orElseThrow();
      try (HistoryStore store = opened.store()) {
        assertThat(opened.window().newestFirst()).singleElement()
            .satisfies(s -> assertThat(s.commit()).isEqualTo("c1"));
        assertThat(store.record("2026-01-02T00:00:00Z", "c2", "main", 0, "{}", "d2")).isTrue();
      }
    }
    assertThat(Files.size(db)).isPositive();
  }

  @Test
  void aDamagedDatabaseFallsBackToTheOpenThatReportsIt() throws Exception {
    Path db = Files.writeString(tmp.resolve("history.db"), "not a database, but long enough to fill a header "
        + "of a SQLite file and then some more text to be sure of it");
    try (HistoryReadAhead ahead = HistoryReadAhead.start(db, env(), pool)) {
      assertThat(ahead.take()).isEmpty();
    }
  }
}
