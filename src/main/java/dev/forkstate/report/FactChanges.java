package dev.forkstate.report;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between the facts of the previous report (or recorded run) and this run's: tests newly failing,
 * fixed, now skipped or no longer run ({@link TestChanges}), counts that moved (ahead/behind), a new tag or HEAD, and
 * every fact whose status changed. Pure and sorted. Typed values are read where the entries have them.
 */
public final class FactChanges {
  private static final List<FactId> COUNTS = List.of(FactIds.UPSTREAM_AHEAD, FactIds.UPSTREAM_BEHIND,
      FactIds.GIT_TRACKING_AHEAD, FactIds.GIT_TRACKING_BEHIND);
  private static final Map<FactId, String> COUNT_LABELS = Map.of(FactIds.UPSTREAM_AHEAD,
      "fork commits ahead of upstream", FactIds.UPSTREAM_BEHIND, "commits behind upstream", FactIds.GIT_TRACKING_AHEAD,
          "unpushed commits",
      FactIds.GIT_TRACKING_BEHIND, "commits behind the tracking remote");

  private FactChanges() {}

  public static List<Phrase> between(FactDigest before, FactDigest now) {
    List<Phrase> out = new ArrayList<>();
    for (String id : new TreeSet<>(now.facts().keySet())) {
      // Only a run with per-test outcomes says anything test by test; a smoke that crashed says it by its status.
      if (FactIds.SMOKE_PREFIX.matches(id) && before.facts().containsKey(id)
          && now.facts().get(id).typed() instanceof Value.Tests t) {
        out.addAll(TestChanges.between(outcomes(before.facts().get(id)), t.outcomes(),
            t.passedIds().size() == t.passed()));
      }
    }
    for (FactId id : COUNTS) {
      Optional<Long> b = count(before.entry(id));
      Optional<Long> n = count(now.entry(id));
      if (b.isPresent() && n.isPresent() && !b.equals(n)) {
        long delta = n.get() - b.get();
        out.add(Phrase.of(COUNT_LABELS.get(id) + ": " + b.get() + " → " + n.get() + " (" + (delta > 0 ? "+" : "")
            + delta + ")"));
      }
    }
    FactDigest.Entry tagsNow = now.entry(FactIds.GIT_TAGS_AT_HEAD);
    if (tagsNow != null) {
      added(before.entry(FactIds.GIT_TAGS_AT_HEAD), tagsNow).forEach(t -> out.add(Phrase.of("new tag at HEAD: ")
          .then(Phrase.Kind.REF, t.plain())));
    }
    FactDigest.Entry flagsBefore = before.entry(FactIds.HAPPYPATH_FLAGS);
    FactDigest.Entry flagsNow = now.entry(FactIds.HAPPYPATH_FLAGS);
    if (flagsNow != null && flagsBefore != null) {
      added(flagsBefore, flagsNow).forEach(f -> out.add(Phrase.of("new flag: ").then(f)));
    }
    // Credentials are their own fact: never a flag, but a new one is worth a line (only its name is ever shown).
    FactDigest.Entry credsBefore = before.entry(FactIds.PYTHON_CREDENTIALS);
    FactDigest.Entry credsNow = now.entry(FactIds.PYTHON_CREDENTIALS);
    if (credsNow != null && credsBefore != null) {
      added(credsBefore, credsNow).forEach(f -> out.add(Phrase.of("new credential (not a flag): ").then(f)));
    }
    changedValue(before, now, FactIds.GIT_HEAD_SHA, "HEAD").ifPresent(out::add);
    for (String id : new TreeSet<>(now.facts().keySet())) {
      FactDigest.Entry b = before.facts().get(id);
      FactDigest.Entry n = now.facts().get(id);
      if (b == null) {
        out.add(Phrase.of("newly measured: ").then(Phrase.Kind.CODE, id).then(" " + n.status()));
      } else if (!b.sameStatus(n)) {
        out.add(Phrase.of(Phrase.Kind.CODE, id).then(": " + b.status() + " → " + n.status()));
      }
    }
    new TreeSet<>(before.facts().keySet()).stream().filter(id -> !now.facts().containsKey(id))
        .forEach(id -> out.add(Phrase.of("no longer measured: ").then(Phrase.Kind.CODE, id)));
    return out;
  }

  private static Optional<Phrase> changedValue(FactDigest before, FactDigest now, FactId id, String label) {
    FactDigest.Entry b = before.entry(id);
    FactDigest.Entry n = now.entry(id);
    if (b == null || n == null || b.value().equals(n.value())) {
      return Optional.empty();
    }
    return Optional.of(Phrase.of(label + ": ").then(Phrase.Kind.SHA, shortSha(b.value())).then(" → ")
        .then(Phrase.Kind.SHA, shortSha(n.value())));
  }

  private static String shortSha(String v) {
    return v.matches("[0-9a-f]{40}") ? v.substring(0, 12) : v;
  }

  /** Outcome per test id: from the value when the entry has it, else from a facts line's "failed id" items. */
  private static Map<String, String> outcomes(FactDigest.Entry e) {
    if (e.typed() instanceof Value.Tests t) {
      return t.outcomes();
    }
    Map<String, String> out = new TreeMap<>();
    for (String item : e.items()) {
      int space = item.indexOf(' ');
      if (space > 0) {
        out.put(item.substring(space + 1), item.substring(0, space));
      }
    }
    return out;
  }

  /** A count from the value, or from a facts line's text when that is all there is. */
  private static Optional<Long> count(FactDigest.Entry e) {
    if (e == null) {
      return Optional.empty();
    }
    if (e.typed() instanceof Value.Count c) {
      return Optional.of(c.n());
    }
    if (e.typed() instanceof Value.Commits c) {
      return Optional.of(c.total());
    }
    return e.typed() instanceof Value.None && e.value().matches("-?\\d{1,18}") ? Optional.of(Long.parseLong(e.value()))
        : Optional.empty();
  }

  /**
   * The entries listed now and not before, compared by plain text, sorted; each as this run states it (with its
   * items, when this run has the value). Both lists whole when both entries have the value; else both as a facts
   * line caps them, so a long list cut at different places does not read as new entries.
   */
  private static List<Phrase> added(FactDigest.Entry before, FactDigest.Entry now) {
    boolean whole = before != null && isList(before.typed()) && isList(now.typed());
    Set<String> old = before == null ? Set.of()
        : Set.copyOf(whole ? entries(before).stream().map(Phrase::plain).toList() : before.items());
    List<Phrase> is = entries(now).stream().limit(whole ? Long.MAX_VALUE : FactDigest.MAX_ITEMS).toList();
    return is.stream().filter(x -> !old.contains(x.plain())).sorted(Comparator.comparing(Phrase::plain)).toList();
  }

  private static boolean isList(Value v) {
    return v instanceof Value.Paths || v instanceof Value.Items;
  }

  /** The entry's list: from its value when it has one, else the facts line's items as words. */
  private static List<Phrase> entries(FactDigest.Entry e) {
    if (e.typed() instanceof Value.Paths p) {
      return p.paths().stream().map(Phrase::of).toList();
    }
    if (e.typed() instanceof Value.Items it) {
      return it.items();
    }
    return e.items().stream().map(Phrase::of).toList();
  }
}
