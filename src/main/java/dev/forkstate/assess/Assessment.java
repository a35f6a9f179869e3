package dev.forkstate.assess;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to the verbatim prompt: who wrote it, its points (each with the facts it rests on), and how it came to
 * be: the cache key of a model's answer, the points the checks dropped and why, and, when the rules wrote it although
 * a model was configured, the reason. {@code drafts} holds a model's drafts of other sections (by section id), under
 * the same checks; empty unless asked for. A point is a phrase: the rules name items (a remote, a branch) as items; a
 * model's words are one run of words, already made safe to show by the model's writer.
 */
public record Assessment(String prompt, String writer, List<Point> points, String cacheKey,
    List<AssessmentValidator.Dropped> dropped, String fallback, Map<String, List<Point>> drafts) {
  public Assessment {
    points = List.copyOf(points);
    cacheKey = cacheKey == null ? "" : cacheKey;
    dropped = List.copyOf(dropped);
    fallback = fallback == null ? "" : fallback;
    TreeMap<String, List<Point>> sorted = new TreeMap<>();
    drafts.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
    drafts = java.util.Collections.unmodifiableMap(sorted);
  }

  /** A rule-based answer: no cache, nothing dropped, no drafts. */
  public static Assessment byRules(String prompt, String writer, List<Point> points, String fallback) {
    return new Assessment(prompt, writer, points, "", List.of(), fallback, Map.of());
  }

  public boolean byModel() {
    return !cacheKey.isEmpty();
  }

  public record Point(Phrase text, List<FactId> cites) {
    public Point {
      cites = cites.stream().distinct().sorted().toList();
    }

    /** A point of plain words. */
    public Point(String words, List<FactId> cites) {
      this(Phrase.of(words), cites);
    }
  }
}
