package dev.forkstate.assess.llm;

import dev.forkstate.fact.Phrase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's sentence as report text: one line (a line break in it could start a list item, a heading or one of
 * forkstate's marks), and as a phrase whose code spans ({@code `x`}) are items and everything else words. Words are
 * escaped by the renderer like any other (render/MarkdownText), so the model can neither hide text in a comment, forge
 * forkstate's marks, add a link or a footnote reference, nor fake a status badge.
 */
final class ModelText {
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1(?!`)");

  private ModelText() {}

  /** The text on one line, runs of whitespace as one space. */
  static String safe(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The text on one line, with its code spans as items. */
  static Phrase phrase(String text) {
    String one = safe(text);
    Phrase out = Phrase.empty();
    Matcher m = CODE_SPAN.matcher(one);
    int at = 0;
    while (m.find()) {
      String code = m.group(2);
      // CommonMark drops one space at each end when both are there (the padding that lets a span hold a backtick).
      if (code.length() > 2 && code.startsWith(" ") && code.endsWith(" ") && !code.isBlank()) {
        code = code.substring(1, code.length() - 1);
      }
      out = out.then(one.substring(at, m.start())).then(Phrase.Kind.CODE, code);
      at = m.end();
    }
    return out.then(one.substring(at));
  }
}
