package dev.forkstate.support;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value;
import dev.forkstate.render.MarkdownText;
import java.util.List;

/**
 * Facts as the Markdown report shows them: tests state what a reader sees ("on `fork/stable`"), and so also check
 * that each item was typed where the report fences it.
 */
public final class Shown {
  private Shown() {}

  public static String md(Phrase p) {
    return MarkdownText.of(p);
  }

  public static String summary(Fact f) {
    return md(f.summaryPhrase());
  }

  public static String reason(Fact f) {
    return md(f.reasonPhrase());
  }

  /** A list value's entries: paths as they are, statements with their items fenced. */
  public static List<String> items(Value v) {
    if (v instanceof Value.Items it) {
      return it.items().stream().map(MarkdownText::of).toList();
    }
    return v instanceof Value.Paths p ? p.paths() : List.of();
  }
}
