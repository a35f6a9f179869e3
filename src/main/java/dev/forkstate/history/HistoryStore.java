package dev.forkstate.history;

import dev.forkstate.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * Run history in an embedded SQLite database (default .forkstate/history.db): one row per distinct run, with its
 * time, commit, branch, exit code and its facts as typed data. The schema is versioned and migrated forward on open
 * ({@link HistorySchema}). A run whose commit and facts equal the newest row is not recorded
 * again, so rerunning on the same state leaves history, and the report built from it, unchanged.
 */
public final class HistoryStore implements AutoCloseable {
  public static final int SCHEMA_VERSION = HistorySchema.VERSION;

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

  /**
   * One recorded run. {@code facts} is the run's facts as a typed document ({@link RunFactsJson}); {@code digest} the
   * hash the run was recorded with, to spot a repeat.
   */
  public record Run(long id, String time, String commit, String branch, int exitCode, String facts, String digest) {
    /** The facts as data; empty when the row's document cannot be read (a row damaged by hand). */
    public Optional<RunFacts> typedFacts() {
      return RunFactsJson.read(facts);
    }

    /** Only the facts {@code wanted} names (the trends read a few of a run's facts, ten runs each time). */
    public Optional<RunFacts> typedFacts(java.util.function.Predicate<String> wanted) {
      return RunFactsJson.read(facts, wanted);
    }
  }

  /**
   * Opens the database, creating or migrating it. Rows a migration rewrites pass through the redactor, and deleted
   * bytes are zeroed, so a secret in an old row does not stay in the file.
   */
  public static HistoryStore open(Path file, Redactor redactor) throws Unavailable {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new Unavailable("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Connection c = null;
    try {
      c = connect(file);
      HistorySchema.migrate(c, redactor);
      return new HistoryStore(c, file);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new Unavailable(describe(e, file), e);
    }
  }

  /**
   * A connection that waits for a busy database and zeroes deleted bytes. Through sqlite-jdbc's own entry, not
   * java.sql.DriverManager: the DriverManager's first connection loads and starts every driver the class path lists
   * as a service (a scan of the jar's META-INF/services and their set-up, 10-20 ms of a cold start) only to hand the
   * URL to this one driver.
   */
  private static Connection connect(Path file) throws SQLException {
    Connection c = JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), new Properties());
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 3000");
      st.execute("PRAGMA secure_delete = ON");
    } catch (SQLException e) {
      closeQuietly(c);
      throw e;
    }
    return c;
  }

  /**
   * Opens a database that exists and is at this schema version, creating and migrating nothing: for reading the stored
   * runs while the collectors run. Empty when there is no file yet or it needs a migration, which {@link #open} does
   * once the run's redactor knows every secret (a migration rewrites rows through it).
   */
  public static Optional<HistoryStore> openIfCurrent(Path file) throws Unavailable {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Connection c = null;
    try {
      c = connect(file);
      if (HistorySchema.version(c) != HistorySchema.VERSION) {
        closeQuietly(c);
        return Optional.empty();
      }
      return Optional.of(new HistoryStore(c, file));
    } catch (SQLException e) {
      closeQuietly(c);
      throw new Unavailable(describe(e, file), e);
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
      if (newestIs(commit, digest)) {
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

  /** Whether the newest row has this commit and digest; its facts (~370 KB on a large fork) are not read. */
  private boolean newestIs(String commit, String digest) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT commit_sha, digest FROM runs ORDER BY id DESC LIMIT 1")) {
      return rs.next() && rs.getString(1).equals(commit) && rs.getString(2).equals(digest);
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
    try (PreparedStatement ps = db.prepareStatement("SELECT id, time, commit_sha, branch, exit_code, facts, digest FROM runs "
        + "ORDER BY id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      return runs(ps);
    } catch (SQLException e) {
      throw new Unavailable(describe(e, file), e);
    }
  }

  /**
   * The newest runs first, at most {@code limit}, each with only the facts {@code wanted} names in its document: SQLite
   * picks them out of each row, so a large fork's hundreds of kilobytes of path lists per run are neither copied into
   * Java nor parsed there (the trends read a few facts of ten runs on every report). The document keeps the row's
   * version ("v"), so it reads as the whole row would for those facts; a row that is not valid JSON reads as a run
   * without facts, as it does whole.
   */
  public List<Run> recent(int limit, FactFilter wanted) throws Unavailable {
    // An entry's id, for entries that are objects (a string entry is not JSON text to look into).
    String id = "(CASE WHEN f.type = 'object' THEN f.value ->> 'id' END)";
    StringBuilder where = new StringBuilder(id + " IN (" + String.join(", ", Collections.nCopies(wanted.ids().size(),
        "?")) + ")");
    wanted.prefixes().forEach(p -> where.append(" OR substr(" + id + ", 1, ?) = ?"));
    // json() around the subquery: its array would otherwise be embedded as a string.
    String facts = "CASE WHEN json_valid(facts) THEN json_object('v', facts -> '$.v', 'facts', "
        + "json((SELECT json_group_array(json(f.value)) FROM json_each(facts, '$.facts') f WHERE " + where + "))) "
        + "ELSE '' END";
    try (PreparedStatement ps = db.prepareStatement("SELECT id, time, commit_sha, branch, exit_code, " + facts
        + ", digest FROM runs ORDER BY id DESC LIMIT ?")) {
      int i = 1;
      for (String wantedId : wanted.ids()) {
        ps.setString(i++, wantedId);
      }
      for (String prefix : wanted.prefixes()) {
        ps.setInt(i++, prefix.length());
        ps.setString(i++, prefix);
      }
      ps.setInt(i, limit);
      return runs(ps);
    } catch (SQLException e) {
      throw new Unavailable(describe(e, file), e);
    }
  }

  /** The rows of a query selecting id, time, commit_sha, branch, exit_code, facts and digest, in that order. */
  private static List<Run> runs(PreparedStatement ps) throws SQLException {
    List<Run> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getString(6), rs.getString(7)));
      }
    }
    return out;
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
