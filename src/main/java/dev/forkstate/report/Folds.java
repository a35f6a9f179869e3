package dev.forkstate.report;

import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Arranges a section so what needs attention leads and the full evidence folds: WARN, FAIL, UNKNOWN and SKIPPED
 * bullets (with the lines nested under them) and plain context lines stay in view; every other bullet moves, in its
 * order, under a {@link Line.Fold}. Nothing is dropped.
 */
final class Folds {
  private static final Set<Status> ATTENTION = EnumSet.of(Status.FAIL, Status.WARN, Status.UNKNOWN, Status.SKIPPED);

  private Folds() {}

  /**
   * {@code lines} with what needs attention first, worst first (FAIL, WARN, then UNKNOWN and SKIPPED: what is
   * wrong leads what could not be told; context lines stay on top), and the rest folded under "{@code what} (N)".
   */
  static List<Line> attentionFirst(List<Line> lines, String what) {
    List<List<Line>> shownGroups = new ArrayList<>();
    List<Line> folded = new ArrayList<>();
    int foldedBullets = 0;
    for (List<Line> group : groups(lines)) {
      if (isContext(group) || needsAttention(group.get(0))) {
        shownGroups.add(group);
      } else if (group.stream().anyMatch(Folds::needsAttention)) {
        // A plain heading over mixed lines (a workflow's checks): what needs attention stays under it in view, the
        // rest folds under the same heading.
        List<Line> inView = new ArrayList<>(List.of(group.get(0)));
        folded.add(group.get(0));
        group.stream().skip(1).forEach(l -> (needsAttention(l) ? inView : folded).add(l));
        shownGroups.add(inView);
        foldedBullets++;
      } else {
        folded.addAll(group);
        foldedBullets++;
      }
    }
    List<Line> shown = new ArrayList<>();
    shownGroups.stream().sorted(java.util.Comparator.comparingInt(Folds::rank)).forEach(shown::addAll);
    if (!folded.isEmpty()) {
      shown.add(new Line.Fold(what + " (" + foldedBullets + ")"));
      shown.addAll(folded);
    }
    return shown;
  }

  /** Context first, then FAIL, WARN, UNKNOWN, SKIPPED by the group's worst line; the sort keeps order within a rank. */
  private static int rank(List<Line> group) {
    if (isContext(group)) {
      return 0;
    }
    Status worst = group.stream().filter(l -> l instanceof Line.Bullet b && b.status() != null)
        .map(l -> ((Line.Bullet) l).status()).reduce((a, b) -> order(a) <= order(b) ? a : b).orElse(Status.INFO);
    return 1 + order(worst);
  }

  /** What is wrong first: FAIL, WARN, UNKNOWN, SKIPPED, then the rest (PASS, INFO, no status). */
  static int order(Status s) {
    if (s == null) {
      return 4;
    }
    return switch (s) {
      case FAIL -> 0;
      case WARN -> 1;
      case UNKNOWN -> 2;
      case SKIPPED -> 3;
      default -> 4;
    };
  }

  /** Observations worst first (the sort is stable: a rule's own order holds within a status). */
  static List<dev.forkstate.check.Observation> worstFirst(List<dev.forkstate.check.Observation> observations) {
    return observations.stream().sorted(java.util.Comparator.comparingInt(o -> order(o.status()))).toList();
  }

  /** {@code shown}, then the rest folded under {@code summary} when there is any. */
  static List<Line> after(List<Line> shown, String summary, List<Line> rest) {
    List<Line> out = new ArrayList<>(shown);
    if (!rest.isEmpty()) {
      out.add(new Line.Fold(summary));
      out.addAll(rest);
    }
    return out;
  }

  /** A top-level line with the lines nested under it. */
  private static List<List<Line>> groups(List<Line> lines) {
    List<List<Line>> groups = new ArrayList<>();
    for (Line l : lines) {
      if (depth(l) == 0 || groups.isEmpty()) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(l);
    }
    return groups;
  }

  private static boolean needsAttention(Line l) {
    return l instanceof Line.Bullet b && b.status() != null && ATTENTION.contains(b.status());
  }

  /** A single line that states no measurement (settings, the guide's path): it frames the section. */
  private static boolean isContext(List<Line> group) {
    return group.size() == 1 && group.get(0) instanceof Line.Bullet b && b.status() == null && b.facts().isEmpty();
  }

  private static int depth(Line l) {
    if (l instanceof Line.Bullet b) {
      return b.depth();
    }
    return l instanceof Line.Cited c ? c.depth() : 0;
  }
}
