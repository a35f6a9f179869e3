package dev.forkstate.app;

import dev.forkstate.digest.Sha256;
import dev.forkstate.exec.Await;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

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
  /**
   * What is stored: the typed facts, redacted, and its hash, which tells a repeat of the newest row. Serialised on the
   * run's pool from {@link #open} on (~25 ms at 20,000 commits), while the history is opened and, for a run at a new
   * commit, while the report is built; waited for when the trends need the hash, before anything is written, and on
   * close.
   */
  private final CompletableFuture<Stored> stored;

  /** This run's row: its facts' JSON and that JSON's hash. */
  private record Stored(String json, String digest) {
    static Stored of(String json) {
      return new Stored(json, Sha256.hex(json));
    }
  }

  /** The stored runs the trends read; null when history is unavailable. */
  private final StoredWindow window;

  private RunHistory(HistoryStore store, StoredWindow window, String why, String shown, String time,
      FactSet measured, Redactor redactor, CompletableFuture<Stored> stored) {
    this.store = store;
    this.window = window;
    this.why = why;
    this.shown = shown;
    this.time = time;
    this.commit = measured.text(FactIds.GIT_HEAD_SHA).orElse("");
    this.branch = redactor.redact(measured.text(FactIds.GIT_BRANCH_CURRENT).orElse(""));
    this.stored = stored;
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
      FactSet measured, Redactor redactor, Executor pool) {
    return open(repo, dbSetting, ahead, time, measured, redactor, pool,
        () -> RunFactsJson.write(RunFacts.of(measured.all()), redactor));
  }

  /** As above, the row's JSON written by {@code row} (tests give one that fails or waits). */
  static RunHistory open(Path repo, String dbSetting, Optional<HistoryReadAhead.Opened> ahead, String time,
      FactSet measured, Redactor redactor, Executor pool, Supplier<String> row) {
    CompletableFuture<Stored> stored = CompletableFuture.supplyAsync(() -> Stored.of(row.get()), pool);
    try {
      return open(repo, dbSetting, ahead, time, measured, redactor, stored);
    } catch (RuntimeException | Error e) {
      Await.settle(stored); // nothing runs on after the run
      throw e;
    }
  }

  private static RunHistory open(Path repo, String dbSetting, Optional<HistoryReadAhead.Opened> ahead, String time,
      FactSet measured, Redactor redactor, CompletableFuture<Stored> stored) {
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
      return new RunHistory(store, window, "", dbSetting, time, measured, redactor, stored);
    } catch (HistoryStore.Unavailable e) {
      closeQuietly(store);
      return new RunHistory(null, null, e.getMessage(), dbSetting, time, measured, redactor, stored);
    } catch (IOException e) {
      closeQuietly(store);
      return new RunHistory(null, null, "cannot create " + db.getParent() + ": " + e.getMessage(), dbSetting, time,
          measured, redactor, stored);
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
    this.points = window.pointsWith(commit, () -> stored().digest(), () -> Trends.of(time, commit, measured));
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
      Stored row = stored();
      store.record(time, commit, branch, exitCode, row.json(), row.digest());
      return "";
    } catch (HistoryStore.Unavailable e) {
      return "history not updated: " + e.getMessage();
    }
  }

  /**
   * Waits for this run's row to be serialised; throws what serialising it threw, as it did when the row was serialised
   * while the history was opened. Called before anything is written, so a run that fails here writes nothing.
   */
  void awaitRow() {
    stored();
  }

  private Stored stored() {
    return Await.join(stored);
  }

  /** Waits for the row's serialising (its failure was or is reported elsewhere), then closes the store. */
  @Override
  public void close() {
    Await.settle(stored);
    if (store != null) {
      store.close();
    }
  }
}
