package dev.forkstate.check;

import dev.forkstate.fact.Value;
import java.util.Comparator;
import java.util.List;

/**
 * The upstream files the fork edits most: where a merge with upstream conflicts first. The risk rules name each,
 * and the report lists the same files under the measured drift.
 */
public final class ConflictSites {
  static final int TOP_FILES = 5;

  private ConflictSites() {}

  /** The most-edited files (added plus deleted lines), heaviest first, ties by path; at most five. */
  public static List<Value.FileChange> heaviest(Value.Changes ch) {
    return ch.files().stream()
        .sorted(Comparator.comparingLong((Value.FileChange f) -> -(f.added() + f.deleted()))
            .thenComparing(Value.FileChange::path))
        .limit(TOP_FILES).toList();
  }
}
