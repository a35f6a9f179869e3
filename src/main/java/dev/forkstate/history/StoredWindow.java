package dev.forkstate.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The newest stored runs as the trends read them, newest first: each run's commit and digest (a run that repeats the
 * newest row is counted once) and its trend point. Nothing in it depends on the run being measured, so it can be read
 * while the collectors run: at 20,000 commits a run's facts are ~370 KB of JSON, and reading ten of them was most of
 * the history phase.
 */
public record StoredWindow(List<Stored> newestFirst) {
  /** One stored run. */
  public record Stored(String commit, String digest, Trends.Point point) {}

  public StoredWindow {
    newestFirst = List.copyOf(newestFirst);
  }

  /** The last {@link Trends#WINDOW} runs of the store. */
  public static StoredWindow read(HistoryStore store) throws HistoryStore.Unavailable {
    List<Stored> out = new ArrayList<>();
    for (HistoryStore.Run run : store.recent(Trends.WINDOW, Trends.READS)) {
      out.add(new Stored(run.commit(), run.digest(), Trends.of(run)));
    }
    return new StoredWindow(out);
  }

  /**
   * The trend points of the window, oldest first, for a run at {@code commit} with facts {@code digest}: a run that
   * repeats the newest row is that row; any other takes the newest {@code WINDOW - 1} rows and then its own point.
   */
  public List<Trends.Point> pointsWith(String commit, String digest, Supplier<Trends.Point> own) {
    return pointsWith(commit, () -> digest, own);
  }

  /**
   * As {@link #pointsWith(String, String, Supplier)}, asking for the run's digest only when the newest row is of the
   * same commit: a run at a new commit does not wait for its facts to be serialised.
   */
  public List<Trends.Point> pointsWith(String commit, Supplier<String> digest, Supplier<Trends.Point> own) {
    boolean repeat = !newestFirst.isEmpty() && newestFirst.get(0).commit().equals(commit)
        && newestFirst.get(0).digest().equals(digest.get());
    List<Stored> window = repeat ? newestFirst
        : newestFirst.subList(0, Math.min(newestFirst.size(), Trends.WINDOW - 1));
    List<Trends.Point> points = new ArrayList<>();
    for (int i = window.size() - 1; i >= 0; i--) {
      points.add(window.get(i).point());
    }
    if (!repeat) {
      points.add(own.get());
    }
    return List.copyOf(points);
  }
}
