package dev.forkstate.report;

import java.util.List;

/** A `##` section: a stable id, its title as the seed names it, and its lines. */
public record Section(String id, String title, List<Line> lines) {
  public Section {
    lines = List.copyOf(lines);
  }
}
