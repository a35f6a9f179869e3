package dev.forkstate.app;

import dev.forkstate.history.HistoryStore;
import dev.forkstate.history.SqliteDriver;
import dev.forkstate.history.StoredWindow;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The history's stored runs, read on a spare thread while the collectors run: the SQLite driver loaded, the database
 * opened and the window of runs the trends use read, so the history phase after the collection only adds this run. A
 * database that does not exist yet or needs a migration is not touched here (nothing is created in the repository
 * while git measures it; a migration redacts rows with the redactor, which knows every secret only once the
 * collectors ran): {@link RunHistory} then opens it as before. Any failure here falls back to that path too, which
 * reports it.
 */
final class HistoryReadAhead implements AutoCloseable {
  /** An open store at this schema version and its window. */
  record Opened(HistoryStore store, StoredWindow window) {}

  private final CompletableFuture<Optional<Opened>> reading;
  private boolean taken;

  private HistoryReadAhead(CompletableFuture<Optional<Opened>> reading) {
    this.reading = reading;
  }

  static HistoryReadAhead start(Path db, Map<String, String> env, Executor pool) {
    return new HistoryReadAhead(CompletableFuture.supplyAsync(() -> {
      SqliteDriver.prepare(env);
      return read(db);
    }, pool));
  }

  private static Optional<Opened> read(Path db) {
    Optional<HistoryStore> store = Optional.empty();
    try {
      store = HistoryStore.openIfCurrent(db);
      return store.isPresent() ? Optional.of(new Opened(store.get(), StoredWindow.read(store.get())))
          : Optional.empty();
    } catch (HistoryStore.Unavailable | RuntimeException | LinkageError e) {
      // Not read ahead (a driver whose native library does not load, too): the history phase opens the store
      // itself and reports what it finds.
      store.ifPresent(HistoryStore::close);
      return Optional.empty();
    }
  }

  /** The store and its window when they were read ahead; the caller then owns (and closes) the store. */
  Optional<Opened> take() {
    taken = true;
    return reading.join();
  }

  /** Closes the store when no one took it (the run stopped before its history phase). */
  @Override
  public void close() {
    if (!taken) {
      taken = true;
      reading.join().ifPresent(o -> o.store().close());
    }
  }
}
