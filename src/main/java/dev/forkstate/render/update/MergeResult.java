package dev.forkstate.render.update;

import java.util.List;
import java.util.Map;

/**
 * The updated report text, and what the update replaced that the user had written: per section, the lines that
 * were edited by hand and are not in the new text. When that is not empty the previous file must be saved.
 */
public record MergeResult(String text, Map<String, Integer> overwritten, boolean migrated, List<String> keptSections,
                          List<String> foreignSections) {
  public MergeResult {
    overwritten = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(overwritten)); // sorted: notes are stable
    keptSections = List.copyOf(keptSections);
    foreignSections = List.copyOf(foreignSections); // marked sections this run does not write, kept as they were
  }

  public int overwrittenLines() {
    return overwritten.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** True when the previous file holds words the new one does not: it must be saved next to the report. */
  public boolean needsBackup() {
    return overwrittenLines() > 0 || migrated;
  }
}
