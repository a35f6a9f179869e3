package dev.forkstate.check;

import dev.forkstate.fact.ConflictKind;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * How risky merging upstream into the fork is: clean is PASS; a conflict is WARN, and FAIL when the fork changed a
 * conflicted file by {@link #HEAVY_LINES} lines or more (that merge means redoing the fork's own work by hand). A file
 * that both sides added (add/add) is not weighed by the fork's lines: upstream added the same path, most often because
 * the same work landed upstream, and the fix is to compare the two copies and keep one, not to redo the fork's work or
 * move it behind a seam. The advice is the fact's reason, so the Risks section repeats the judgement, not a guess.
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
    long heavy = c.files().stream().filter(MergeConflictPolicy::heavy).count();
    List<Value.Conflict> addAdd = c.files().stream().filter(MergeConflictPolicy::bothAdded).toList();
    List<Phrase> items = c.files().stream().map(MergeConflictPolicy::item).toList();
    Phrase summary = measured.summaryPhrase().then(heavy == 0 ? "" : ", " + heavy + " of them heavily changed by "
        + "the fork (" + HEAVY_LINES + "+ lines)");
    if (!addAdd.isEmpty()) {
      summary = summary.then("; " + addAdd.size() + " of them also added by upstream (add/add)");
    }
    return new Fact(measured.id(), heavy == 0 ? Status.WARN : Status.FAIL, new Value.Items(items), summary,
        advice(c.files().size() - addAdd.size(), addAdd), measured.evidence());
  }

  private static boolean bothAdded(Value.Conflict f) {
    return f.kinds().equals(List.of(ConflictKind.ADD_ADD));
  }

  private static boolean heavy(Value.Conflict f) {
    return !bothAdded(f) && f.forkLines() >= HEAVY_LINES;
  }

  /** "`b.py` (content; upstream renamed it from `a.py`; fork changed 12 lines there)". */
  private static Phrase item(Value.Conflict f) {
    Phrase p = Phrase.of(Phrase.Kind.PATH, f.path()).then(" (" + (f.kinds().isEmpty() ? "conflict"
        : String.join(", ", f.kinds().stream().map(ConflictKind::label).toList())));
    if (bothAdded(f)) {
      p = p.then(": upstream added the same file; likely the same work landed upstream");
    }
    if (!f.renamedFrom().isEmpty()) {
      p = p.then("; upstream renamed it from ").then(Phrase.Kind.PATH, f.renamedFrom());
    }
    return p.then("; fork changed " + Noun.count(f.forkLines(), "line") + ")");
  }

  /** What to do, by kind: the seam advice only for files the fork edited, never for files both sides added. */
  private static Phrase advice(int edited, List<Value.Conflict> addAdd) {
    List<Phrase> parts = new ArrayList<>();
    if (edited > 0) {
      parts.add(Phrase.of("merge upstream now, in small steps, or move the fork's edits behind a seam"));
    }
    if (!addAdd.isEmpty()) {
      List<Phrase> paths = addAdd.stream().map(f -> Phrase.of(Phrase.Kind.PATH, f.path())).toList();
      parts.add(Phrase.of("upstream added ").then(Phrase.join(paths, ", ")).then(" too: compare upstream's "
          + (addAdd.size() == 1 ? "file" : "files") + " with the fork's copy, and drop the fork's copy when upstream "
          + "holds the same work"));
    }
    return Phrase.join(parts, "; ");
  }
}
