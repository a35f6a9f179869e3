package dev.forkstate.history;

import dev.forkstate.secret.Redactor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database's schema version (PRAGMA user_version) and the steps that bring an older database up to this one,
 * all in one transaction. A database newer than these steps is refused: this version cannot know what it holds.
 */
final class HistorySchema {
  /** One schema version's worth of change. */
  sealed interface Step permits Sql, TypedFacts {}

  /** Statements run as they are. */
  record Sql(List<String> statements) implements Step {}

  /** Rewrites every stored run's facts from the version-1 digest (display text) to the typed document. */
  record TypedFacts() implements Step {}

  /** Index 0 creates version 1; each further entry upgrades by one version. */
  static final List<Step> STEPS = List.of(
      new Sql(List.of("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
          + "commit_sha TEXT NOT NULL, branch TEXT NOT NULL, exit_code INTEGER NOT NULL, facts TEXT NOT NULL)")),
      new Sql(List.of("ALTER TABLE runs ADD COLUMN digest TEXT NOT NULL DEFAULT ''",
          "CREATE INDEX runs_by_time ON runs (time)")),
      new TypedFacts());
  static final int VERSION = STEPS.size();

  private HistorySchema() {}

  /** Brings the database to {@link #VERSION}; rows rewritten on the way pass through the redactor. */
  static void migrate(Connection c, Redactor redactor) throws SQLException {
    int version = version(c);
    if (version > VERSION) {
      throw new SQLException("schema version " + version + " is newer than this forkstate knows (" + VERSION
          + "): written by a newer forkstate");
    }
    if (version == VERSION) {
      return;
    }
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (int v = version; v < VERSION; v++) {
        Step step = STEPS.get(v);
        if (step instanceof Sql sql) {
          for (String statement : sql.statements()) {
            st.execute(statement);
          }
        } else if (step instanceof TypedFacts) {
          typedFacts(c, redactor);
        }
      }
      st.execute("PRAGMA user_version = " + VERSION);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The database's schema version: 0 for a new, empty file. */
  static int version(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Each version-1 row gets its facts as a typed document. A row that is not readable JSON keeps its text (redacted):
   * it is still listed, and reads as a run without facts. The branch is redacted too: older versions stored both as
   * given.
   */
  private static void typedFacts(Connection c, Redactor redactor) throws SQLException {
    record Row(long id, String branch, String facts) {}
    List<Row> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, branch, facts FROM runs ORDER BY id")) {
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET branch = ?, facts = ? WHERE id = ?")) {
      for (Row row : rows) {
        Optional<RunFacts> facts = LegacyDigest.read(row.facts());
        ps.setString(1, redactor.redact(row.branch()));
        ps.setString(2, facts.map(f -> RunFactsJson.write(f, redactor)).orElse(redactor.redact(row.facts())));
        ps.setLong(3, row.id());
        ps.executeUpdate();
      }
    }
  }
}
