package dev.forkstate.report;

import dev.forkstate.assess.Assessment;
import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;

/** A model's draft of a section, under the rule-based lines (which stay), each point with its short links. */
final class ModelDraft {
  private ModelDraft() {}

  /** The lines, then the drafted points under {@code keys}; with several keys each point names its key. */
  static List<Line> under(List<Line> lines, Assessment a, String... keys) {
    List<Line> out = new ArrayList<>(lines);
    boolean any = false;
    for (String key : keys) {
      List<Assessment.Point> points = a.drafts().getOrDefault(key, List.of());
      if (points.isEmpty()) {
        continue;
      }
      if (!any) {
        out.add(Bullets.plain(0, "Drafted by " + a.writer() + ", checked against the facts:"));
        any = true;
      }
      String prefix = keys.length > 1 ? Character.toUpperCase(key.charAt(0)) + key.substring(1) + ": " : "";
      points.forEach(p -> out.add(new Line.Cited(1, Phrase.of(prefix).then(p.text()), p.cites())));
    }
    return out;
  }
}
