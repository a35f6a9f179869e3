package dev.forkstate.report;

import dev.forkstate.check.Observation;
import dev.forkstate.config.Setting;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/** The line formatter every section writer shares: a fact, an observation, a setting or a plain note as a bullet. */
final class Bullets {
  /** How many items (violations, modules, paths) a fact lists under its bullet before pointing to the JSON. */
  static final int MAX_ITEMS = 12;
  /** How many items a list shows when it is in view (a rule's violations): the rest is one line away in the JSON. */
  static final int IN_VIEW_ITEMS = 6;

  private Bullets() {}

  static Line bullet(int depth, Status status, Phrase text, String command, List<FactId> ids) {
    return new Line.Bullet(depth, status, text, command, ids);
  }

  /** A bullet of plain words. */
  static Line bullet(int depth, Status status, String words, String command, List<FactId> ids) {
    return bullet(depth, status, Phrase.of(words), command, ids);
  }

  /** A bullet that states no measurement: no badge, no command, no facts. */
  static Line plain(int depth, Phrase text) {
    return bullet(depth, null, text, "", List.of());
  }

  static Line plain(int depth, String words) {
    return plain(depth, Phrase.of(words));
  }

  /** A fact as a bullet: label, summary, and the reason when it adds something ({@link Phrase#describing}). */
  static Line fact(int depth, Fact f, String label) {
    return bullet(depth, f.status(), Phrase.describing(label, f), f.command(), List.of(f.id()));
  }

  /** A judged observation (an advantage, a gap, a risk, a step) as a bullet. */
  static Line observation(int depth, Observation o) {
    return bullet(depth, o.status(), o.text(), o.command(), o.basedOn());
  }

  /** The fact with this id as a bullet, when it was measured. */
  static void addFact(List<Line> out, FactSet facts, int depth, FactId id, String label) {
    facts.get(id).ifPresent(f -> out.add(fact(depth, f, label)));
  }

  /** The items a fact lists (violations, modules), one sub-bullet each at {@code depth}, at most {@code max}. */
  static List<Line> items(Fact f, int depth, int max) {
    List<Line> out = new ArrayList<>();
    List<Phrase> entries = entries(f.value());
    entries.stream().limit(max).forEach(item -> out.add(plain(depth, item)));
    if (entries.size() > max) {
      out.add(more(depth, entries.size() - max, f, "paths"));
    }
    return out;
  }

  /**
   * The line that ends a cut list: how many more, and where `forkstate generate --format json` holds them all (a jq
   * path into the fact's value, {@code field} naming the list).
   */
  static Line more(int depth, int more, Fact f, String field) {
    return plain(depth, Phrase.of("… and " + more + " more (JSON: ").then(Phrase.Kind.CODE, jsonPath(f, field))
        .then(")"));
  }

  /** Where a fact's list sits in the JSON report, as a jq filter. */
  static String jsonPath(Fact f, String field) {
    return ".facts[] | select(.id == \"" + f.id().value() + "\") | .value." + field;
  }

  /** The entries of a list value: names shown as they are, statements with their items; none for other values. */
  static List<Phrase> entries(Value v) {
    if (v instanceof Value.Paths p) {
      return p.paths().stream().map(Phrase::of).toList();
    }
    return v instanceof Value.Items it ? it.items() : List.of();
  }

  /** A setting with where it came from, so a reader can tell a configured value from a detected one. */
  static Phrase setting(Setting s, Phrase.Kind kind) {
    return s.isSet() ? Phrase.of(kind, s.value()).then(" (" + s.source() + ")")
        : Phrase.of("not set (" + s.source() + ")");
  }
}
