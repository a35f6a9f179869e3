package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Phrase.Kind;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The action a step names ("merge upstream/main: 2 commits behind, ..."), with the command that does it, built from
 * the typed data of the facts it rests on (values, ids, typed items), never from their wording. Empty where no
 * specific action is known: the step then states the fact as it is. Pure.
 *
 * @param text what to do, and the measured numbers that call for it
 * @param command the command that does it
 * @param basedOn the facts the step rests on: the step's own, and the merge preview a merge step names
 */
record StepAction(Phrase text, String command, List<FactId> basedOn) {
  /** How many conflicted files the merge step names before "and N more". */
  private static final int CONFLICTS_NAMED = 3;
  /** The states {@code collect/refs} gives a path that is on disk but not (all) in the HEAD commit. */
  private static final List<String> TO_COMMIT = List.of("partly-committed", "untracked");

  /** The action for a step on these facts; the first rule that applies. */
  static Optional<StepAction> of(List<FactId> basedOn, FactSet facts, Targets targets) {
    if (basedOn.contains(FactIds.UPSTREAM_BEHIND)) {
      return merge(facts, targets).map(a -> a.on(basedOn));
    }
    // The fact that decided: the worst status among them, the first such in order.
    return basedOn.stream().map(facts::get).flatMap(Optional::stream)
        .max(Comparator.comparingInt((Fact f) -> f.status().severity()).thenComparing(f -> -basedOn.indexOf(f.id())))
        .flatMap(f -> forFact(f, targets)).map(a -> a.on(basedOn));
  }

  /** The step's facts: {@code ids} and those this action names besides. */
  private StepAction on(List<FactId> ids) {
    return new StepAction(text, command, java.util.stream.Stream.concat(ids.stream(), basedOn.stream()).distinct()
        .toList());
  }

  private static Optional<StepAction> forFact(Fact f, Targets targets) {
    if (f.id().equals(FactIds.GIT_BRANCH_CURRENT) && f.status() == Status.FAIL && targets.forkBranch() != null
        && f.value() instanceof Value.Text current && !current.text().equals(DETACHED)) {
      return Optional.of(new StepAction(Phrase.of("switch to the fork branch ").then(Kind.BRANCH, targets.forkBranch())
          .then(" (now on ").then(Kind.BRANCH, current.text()).then(")"),
          "git switch " + ShellQuote.quote(targets.forkBranch()), List.of()));
    }
    if (FactIds.REF_SMOKE_PREFIX.matches(f.id()) && f.value() instanceof Value.Text state
        && TO_COMMIT.contains(state.text())) {
      Optional<String> path = firstItem(f.summaryPhrase(), Kind.PATH);
      return path.map(p -> new StepAction(Phrase.of("commit the smoke tests: ").then(f.summaryPhrase()),
          "git add " + ShellQuote.quote(p) + " && git commit", List.of()));
    }
    return Optional.empty();
  }

  /** "merge upstream/main: 119 commits behind, 2 conflicts expected in a.py, b.py"; none when nothing is behind. */
  private static Optional<StepAction> merge(FactSet facts, Targets targets) {
    long behind = facts.count(FactIds.UPSTREAM_BEHIND).orElse(0L);
    if (behind <= 0 || targets.upstreamRef() == null) {
      return Optional.empty();
    }
    Phrase text = Phrase.of("merge ").then(Kind.REF, targets.upstreamRef())
        .then(": " + Noun.count(behind, "commit") + " behind");
    Optional<Fact> preview = facts.get(FactIds.UPSTREAM_MERGE_PREVIEW);
    List<String> conflicted = preview.map(p -> conflictedPaths(p.value())).orElse(List.of());
    if (!conflicted.isEmpty()) {
      text = text.then(", " + Noun.count(conflicted.size(), "conflict") + " expected in ")
          .then(Phrase.items(Kind.PATH, conflicted.stream().limit(CONFLICTS_NAMED).toList(), ", "))
          .then(conflicted.size() > CONFLICTS_NAMED ? " and " + (conflicted.size() - CONFLICTS_NAMED) + " more" : "");
    } else if (preview.filter(p -> p.status() == Status.PASS).isPresent()) {
      text = text.then(", no conflicts expected");
    }
    List<FactId> named = new java.util.ArrayList<>(preview.map(p -> List.of(p.id())).orElse(List.of()));
    // Drift that grew over the recorded runs is why the merge is due now: said here, from the series, once.
    Optional<Value.Series> grew = facts.get(FactIds.HISTORY_BEHIND).filter(f -> f.status() == Status.WARN)
        .map(Fact::value).filter(v -> v instanceof Value.Series se && se.values().size() > 1)
        .map(v -> (Value.Series) v);
    if (grew.isPresent()) {
      List<Long> series = grew.get().values();
      text = text.then("; behind grew " + series.get(0) + " → " + series.get(series.size() - 1) + " over the last "
          + series.size() + " recorded runs");
      named.add(FactIds.HISTORY_BEHIND);
      facts.get(FactIds.HISTORY_DRIFT_PER_WEEK).filter(f -> f.status() == Status.WARN)
          .ifPresent(f -> named.add(f.id()));
    }
    // Upstream code last taken in too long ago (a WARN) is the same call to merge: said here, not as its own step.
    Optional<Long> stale = facts.get(FactIds.HISTORY_DAYS_SINCE_UPSTREAM).filter(f -> f.status() == Status.WARN)
        .map(Fact::value).filter(v -> v instanceof Value.Count).map(v -> ((Value.Count) v).n());
    if (stale.isPresent()) {
      text = text.then("; upstream code last came in " + Noun.count(stale.get(), "day") + " ago");
      named.add(FactIds.HISTORY_DAYS_SINCE_UPSTREAM);
    }
    return Optional.of(new StepAction(text, "git merge " + ShellQuote.quote(targets.upstreamRef()), named));
  }

  /**
   * The files a merge preview found conflicted: as measured ({@link Value.Conflicts}), as judged (one item per file,
   * its path the item's first path; see {@link MergeConflictPolicy}), or as listed when their weight is unknown.
   */
  private static List<String> conflictedPaths(Value v) {
    if (v instanceof Value.Conflicts c) {
      return c.files().stream().map(Value.Conflict::path).toList();
    }
    if (v instanceof Value.Items items) {
      return items.items().stream().map(i -> firstItem(i, Kind.PATH)).flatMap(Optional::stream).toList();
    }
    return v instanceof Value.Paths ps ? ps.paths() : List.of();
  }

  private static Optional<String> firstItem(Phrase p, Kind kind) {
    return p.parts().stream().filter(part -> part instanceof Phrase.Code c && c.kind() == kind)
        .map(Phrase.Part::text).findFirst();
  }

  /** What collect/git records as the current branch on a detached HEAD: no branch to switch away from. */
  private static final String DETACHED = "(detached HEAD)";

  /**
   * Where the steps point: the fork branch and the upstream ref as configured or detected; null when not set.
   */
  record Targets(String forkBranch, String upstreamRef) {
    static final Targets NONE = new Targets(null, null);
  }
}
