package dev.forkstate.render;

import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a phrase, cut after a number of words: items (paths, commands, test ids) are whole or left out, never
 * cut inside, so what is shown is still exact. A long bullet in view shows this much; the whole sits in a fold.
 */
final class FirstWords {
  private FirstWords() {}

  /** Words in the phrase as a reader counts them (whitespace-separated). */
  static int count(Phrase p) {
    String plain = p.plain().strip();
    return plain.isEmpty() ? 0 : plain.split("\\s+").length;
  }

  /** The first {@code n} words of {@code p} and " …", or {@code p} itself when it has no more than that. */
  static Phrase of(Phrase p, int n) {
    if (count(p) <= n) {
      return p;
    }
    List<Phrase.Part> parts = new ArrayList<>();
    int left = n;
    for (Phrase.Part part : p.parts()) {
      if (left <= 0) {
        break;
      }
      if (part instanceof Phrase.Code c) {
        parts.add(c);
        left -= Math.max(1, count(Phrase.of(c.text())));
        continue;
      }
      StringBuilder kept = new StringBuilder();
      // Keep the words with the spaces before them, so "a (b" stays "a (b".
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*\\S+").matcher(part.text());
      while (left > 0 && m.find()) {
        kept.append(m.group());
        left--;
      }
      if (left > 0) {
        kept.append(part.text().substring(kept.length()));
      }
      parts.add(new Phrase.Words(kept.toString()));
    }
    return new Phrase(parts).then(" …");
  }
}
