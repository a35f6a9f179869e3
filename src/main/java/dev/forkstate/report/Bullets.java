package dev.forkstate.report;

import dev.forkstate.config.Setting;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/** The line formatter every section writer shares: a fact, a setting or a plain note as a bullet. */
final class Bullets {
  /** How many items (violations, modules, paths) a fact lists under its bullet before pointing to the JSON. */
  static final int MAX_ITEMS = 12;

  private Bullets() {}

  static Line bullet(int depth, Status status, String text, String command, List<FactId> ids) {
    return new Line.Bullet(depth, status, text, command, ids);
  }

  /** A bullet that states no measurement: no badge, no command, no facts. */
  static Line plain(int depth, String text) {
    return bullet(depth, null, text, "", List.of());
  }

  /** A fact as a bullet: label, summary, and for anything not PASS the reason. */
  static Line fact(int depth, Fact f, String label) {
    StringBuilder text = new StringBuilder();
    String summary = f.summary();
    if (!label.isEmpty()) {
      text.append(label).append(' ');
    } else if (summary.isEmpty()) {
      text.append(CodeSpan.of(f.id().value())).append(": "); // nothing says what this is but its id
    }
    text.append(summary);
    if (!f.reason().isBlank() && !f.reason().equals(summary)) {
      text.append(summary.isEmpty() ? "" : " — ").append(f.reason());
    }
    return bullet(depth, f.status(), text.toString().strip(), f.command(), List.of(f.id()));
  }

  /** The fact with this id as a bullet, when it was measured. */
  static void addFact(List<Line> out, FactSet facts, int depth, String id, String label) {
    facts.get(id).ifPresent(f -> out.add(fact(depth, f, label)));
  }

  /** The items a fact lists (violations, modules), one sub-bullet each at {@code depth}, at most {@code max}. */
  static List<Line> items(Fact f, int depth, int max) {
    List<Line> out = new ArrayList<>();
    if (!(f.value() instanceof Value.Paths p)) {
      return out;
    }
    p.paths().stream().limit(max).forEach(item -> out.add(plain(depth, item)));
    if (p.paths().size() > max) {
      out.add(plain(depth, "… and " + (p.paths().size() - max) + " more in the JSON"));
    }
    return out;
  }

  /** A setting with where it came from, so a reader can tell a configured value from a detected one. */
  static String setting(Setting s) {
    return s.isSet() ? CodeSpan.of(s.value()) + " (" + s.source() + ")" : "not set (" + s.source() + ")";
  }

  /** The first non-empty command among these facts: what reproduces a finding that rests on them. */
  static String firstCommand(FactSet facts, List<FactId> ids) {
    return ids.stream().map(id -> facts.get(id.value())).flatMap(java.util.Optional::stream).map(Fact::command)
        .filter(c -> !c.isEmpty()).findFirst().orElse("");
  }
}
