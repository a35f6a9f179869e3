package dev.forkstate.render;

import dev.forkstate.fact.Phrase;

/**
 * A phrase as Markdown inline text: every item in a code span ({@link CodeSpan}), words as they are. Words are not
 * escaped: the report has always shown them as written, and the one source of words that could carry Markdown of
 * its own, a model's answer, is made safe where it is read (assess.llm.ModelText).
 */
public final class MarkdownText {
  private MarkdownText() {}

  public static String of(Phrase phrase) {
    StringBuilder md = new StringBuilder();
    for (Phrase.Part part : phrase.parts()) {
      md.append(part instanceof Phrase.Code c ? CodeSpan.of(c.text()) : part.text());
    }
    return md.toString();
  }
}
