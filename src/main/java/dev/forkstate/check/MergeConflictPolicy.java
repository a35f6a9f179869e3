package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;

/**
 * How risky merging upstream into the fork is: clean is PASS; a conflict is WARN, and FAIL when the fork changed a
 * conflicted file by {@link #HEAVY_LINES} lines or more (that merge means redoing the fork's own work by hand).
 */
final class MergeConflictPolicy implements Policy {
  static final FactId FACT = FactIds.UPSTREAM_MERGE_PREVIEW;
  /** A conflict in a file the fork changed by this many lines or more is a FAIL-level risk. */
  static final int HEAVY_LINES = 20;

  @Override
  public boolean covers(FactId id) {
    return id.equals(FACT);
  }

  /** The measured summary says what merges into what and where it conflicts; the judgement adds how heavily. */
  @Override
  public Fact judge(Fact measured) {
    if (measured.status() != Status.INFO || !(measured.value() instanceof Value.Conflicts c)) {
      return measured;
    }
    if (c.files().isEmpty()) {
      return new Fact(measured.id(), Status.PASS, new Value.Items(List.of()), measured.summaryPhrase(),
          Phrase.empty(), measured.evidence());
    }
    long heavy = c.files().stream().filter(f -> f.forkLines() >= HEAVY_LINES).count();
    List<Phrase> items = c.files().stream().map(f -> Phrase.of(Phrase.Kind.PATH, f.path()).then(" ("
        + (f.kinds().isEmpty() ? "conflict" : String.join(", ", f.kinds())) + "; fork changed "
        + Noun.count(f.forkLines(), "line") + ")")).toList();
    Phrase summary = measured.summaryPhrase().then(heavy == 0 ? "" : ", " + heavy + " of them heavily changed by "
        + "the fork (" + HEAVY_LINES + "+ lines)");
    return new Fact(measured.id(), heavy == 0 ? Status.WARN : Status.FAIL, new Value.Items(items), summary,
        Phrase.empty(), measured.evidence());
  }
}
