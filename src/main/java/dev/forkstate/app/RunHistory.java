package dev.forkstate.app;

import dev.forkstate.digest.Sha256;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.history.HistoryStore;
import dev.forkstate.history.RunFacts;
import dev.forkstate.history.RunFactsJson;
import dev.forkstate.history.StoredWindow;
import dev.forkstate.history.Trends;
import dev.forkstate.secret.Redactor;
import dev.forkstate.write.IgnoredDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This run against the recorded ones: the trend facts for Metrics & SLIs, and, once the report is written, the run
 * itself (unless it equals the newest row) as typed data, redacted before it is stored. Any database trouble makes
 * history UNKNOWN with the reason; the report is written all the same.
 */
final class RunHistory implements AutoCloseable {
  private final HistoryStore store;
  private final String why;
  private final String shown;
  private final String time;
  private final String commit;
  private final String branch;
  /** What is stored: the typed facts, redacted; its hash tells a repeat of the newest row. */
  private final String stored;
  private final String digest;

  /** The stored runs the trends read; null when history is unavailable. */
  private final StoredWindow window;

  private RunHistory(HistoryStore store, StoredWindow window, String why, String shown, String time,
      FactSet measured, Redactor redactor) {
    this.store = store;
    this.window = window;
    this.why = why;
    this.shown = shown;
    this.time = time;
    this.commit = measured.text(FactIds.GIT_HEAD_SHA).orElse("");
    this.branch = redactor.redact(measured.text(FactIds.GIT_BRANCH_CURRENT).orElse(""));
    this.stored = RunFactsJson.write(RunFacts.of(measured.all()), redactor);
    this.digest = Sha256.hex(stored);
  }

  /** Where the history of the repository is: the config's setting, resolved against the repository. */
  static Path db(Path repo, String dbSetting) {
    return repo.resolve(dbSetting);
  }

  /**
   * @param ahead the store and its window when they were read while the collectors ran; else the database is opened
   *     (created, migrated) and read now
   * @param redactor the run's: test ids and messages are the project's text and may carry a secret
   */
  static RunHistory open(Path repo, String dbSetting, Optional<HistoryReadAhead.Opened> ahead, String time,
      FactSet measured, Redactor redactor) {
    Path db = db(repo, dbSetting);
    HistoryStore store = ahead.map(HistoryReadAhead.Opened::store).orElse(null);
    try {
      if (db.toAbsolutePath().getParent().endsWith(".forkstate")) {
        IgnoredDir.create(db.toAbsolutePath().getParent());
      }
      if (store == null) {
        store = HistoryStore.open(db, redactor);
      }
      StoredWindow window = ahead.isPresent() ? ahead.get().window() : StoredWindow.read(store);
      return new RunHistory(store, window, "", dbSetting, time, measured, redactor);
    } catch (HistoryStore.Unavailable e) {
      closeQuietly(store);
      return new RunHistory(null, null, e.getMessage(), dbSetting, time, measured, redactor);
    } catch (IOException e) {
      closeQuietly(store);
      return new RunHistory(null, null, "cannot create " + db.getParent() + ": " + e.getMessage(), dbSetting, time,
          measured, redactor);
    }
  }

  private static void closeQuietly(HistoryStore store) {
    if (store != null) {
      store.close();
    }
  }

  private List<Trends.Point> points = List.of();

  /** The window's points, oldest first, after {@link #trends}: what the chart draws. */
  List<Trends.Point> points() {
    return points;
  }

  /**
   * The trend facts over the window, this run counted once even when it repeats the newest row; with a chart file
   * name, a fact that names the chart drawn from the same points.
   */
  List<Fact> trends(FactSet measured, String chart) {
    if (store == null) {
      return List.of(Fact.unknown(FactIds.HISTORY_RUNS, "history unavailable: " + why));
    }
    this.points = window.pointsWith(commit, digest, () -> Trends.of(time, commit, measured));
    List<Fact> facts = new ArrayList<>(Trends.facts(points, shown));
    if (chart != null) {
      facts.add(Fact.of(FactIds.HISTORY_CHART, dev.forkstate.fact.Status.INFO,
          new dev.forkstate.fact.Value.Text(chart),
          "trend chart of the last " + points.size() + " runs",
          dev.forkstate.fact.Evidence.ofCommand("forkstate history")));
    }
    return facts;
  }

  /** Records this run after the report was written; returns a note for stderr, or empty. */
  String record(int exitCode) {
    if (store == null) {
      return "history unavailable: " + why;
    }
    try {
      store.record(time, commit, branch, exitCode, stored, digest);
      return "";
    } catch (HistoryStore.Unavailable e) {
      return "history not updated: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
