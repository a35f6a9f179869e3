package dev.forkstate.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Run history in an embedded SQLite database (default .forkstate/history.db): one row per distinct run, with its
 * time, commit, branch, exit code and the facts digest the report carries. The schema is versioned (PRAGMA
 * user_version) and migrated forward on open. A run whose commit and facts equal the newest row is not recorded
 * again, so rerunning on the same state leaves history, and the report built from it, unchanged.
 */
public final class HistoryStore implements AutoCloseable {
  /** Each entry upgrades the schema by one version; index 0 creates version 1. */
  static final List<String[]> MIGRATIONS = List.of(
      new String[] {"CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
          + "commit_sha TEXT NOT NULL, branch TEXT NOT NULL, exit_code INTEGER NOT NULL, facts TEXT NOT NULL)"},
      new String[] {"ALTER TABLE runs ADD COLUMN digest TEXT NOT NULL DEFAULT ''",
          "CREATE INDEX runs_by_time ON runs (time)"});
  public static final int SCHEMA_VERSION = MIGRATIONS.size();

  private final Connection db;
  private final Path file;

  private HistoryStore(Connection db, Path file) {
    this.db = db;
    this.file = file;
  }

  /** Why history cannot be read or written; the report is still written, with history marked unavailable. */
  public static final class Unavailable extends Exception {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One recorded run. {@code facts} is the facts digest as JSON (status, value, items per fact id). */
  public record Run(long id, String time, String commit, String branch, int exitCode, String facts, String digest) {}

  public static HistoryStore open(Path file) throws Unavailable {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new Unavailable("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA busy_timeout = 3000");
      }
      migrate(c, file);
      return new HistoryStore(c, file);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new Unavailable(describe(e, file), e);
    }
  }

  private static void migrate(Connection c, Path file) throws SQLException {
    int version;
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > SCHEMA_VERSION) {
      throw new SQLException("schema version " + version + " is newer than this forkstate knows ("
          + SCHEMA_VERSION + "): written by a newer forkstate");
    }
    if (version == SCHEMA_VERSION) {
      return;
    }
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (int v = version; v < SCHEMA_VERSION; v++) {
        for (String sql : MIGRATIONS.get(v)) {
          st.execute(sql);
        }
      }
      st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static String describe(SQLException e, Path file) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_NOTADB") || m.contains("not a database") || m.contains("SQLITE_CORRUPT")) {
      return file + " is not a readable SQLite database (damaged?): move it aside to start a new history";
    }
    if (m.contains("SQLITE_BUSY") || m.contains("locked")) {
      return file + " is locked by another process: history not updated this run";
    }
    return file + ": " + m.lines().findFirst().orElse(m);
  }

  /**
   * Records a run unless the newest row has the same commit and facts digest; returns whether a row was added.
   */
  public boolean record(String time, String commit, String branch, int exitCode, String facts, String digest)
      throws Unavailable {
    try {
      Optional<Run> last = recent(1).stream().findFirst();
      if (last.isPresent() && last.get().commit().equals(commit) && last.get().digest().equals(digest)) {
        return false;
      }
      try (PreparedStatement ps = db.prepareStatement("INSERT INTO runs (time, commit_sha, branch, exit_code, "
          + "facts, digest) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, time);
        ps.setString(2, commit);
        ps.setString(3, branch);
        ps.setInt(4, exitCode);
        ps.setString(5, facts);
        ps.setString(6, digest);
        ps.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw new Unavailable(describe(e, file), e);
    }
  }

  /** One run by its id. */
  public Optional<Run> get(long id) throws Unavailable {
    try (PreparedStatement ps = db.prepareStatement("SELECT id, time, commit_sha, branch, exit_code, facts, digest "
        + "FROM runs WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getString(6), rs.getString(7))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new Unavailable(describe(e, file), e);
    }
  }

  /** The newest runs first, at most {@code limit}. */
  public List<Run> recent(int limit) throws Unavailable {
    List<Run> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT id, time, commit_sha, branch, exit_code, facts, digest FROM runs "
        + "ORDER BY id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
              rs.getString(6), rs.getString(7)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new Unavailable(describe(e, file), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(db);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing a broken connection has nothing to report
      }
    }
  }
}
