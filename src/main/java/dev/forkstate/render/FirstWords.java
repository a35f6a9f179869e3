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
    return count(p.plain());
  }

  /**
   * The pieces of the stripped text between runs of the regex's whitespace ({@code \\s}: space, tab, the line
   * endings, form feed, vertical tab), as {@code strip().split("\\s+")} counts them; counted in one look without a
   * regex (every bullet of the report is counted).
   */
  static int count(String text) {
    String plain = text.strip();
    if (plain.isEmpty()) {
      return 0;
    }
    int words = 1;
    boolean inSpace = false;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      boolean space = isSpace(c);
      if (space && !inSpace) {
        words++;
      }
      inSpace = space;
    }
    return words;
  }

  /**
   * How many strings {@code text.split("\\s+")} gives (a leading separator counts an empty first one; a text of
   * separators alone gives none), counted without a regex.
   */
  static int pieces(String text) {
    int runs = 0;
    boolean inSpace = true;
    boolean anySpace = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = isSpace(text.charAt(i));
      if (!space && inSpace) {
        runs++;
      }
      anySpace |= space;
      inSpace = space;
    }
    if (!anySpace) {
      return 1;
    }
    return runs > 0 && isSpace(text.charAt(0)) ? runs + 1 : runs;
  }

  /** The regex's {@code \\s}: space, tab, the line endings, form feed, vertical tab. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
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
    // A cut right after an opening bracket or a dash would leave it dangling: "(declared in x) ( …".
    int last = parts.size() - 1;
    if (last >= 0 && parts.get(last) instanceof Phrase.Words w) {
      parts.set(last, new Phrase.Words(w.text().replaceAll("\\s*[(\\[—–-]+$", "")));
    }
    return new Phrase(parts).then(" …");
  }

  /**
   * How many words a repeat keeps so it still reads as what it is: its label through the first colon when that is
   * within {@code max} words, and a few words of what follows; {@code fallback} words when it has no short label.
   */
  static int label(Phrase p, int max, int fallback) {
    String[] words = p.plain().strip().split("\\s+");
    for (int i = 0; i < Math.min(max, words.length); i++) {
      if (words[i].endsWith(":")) {
        // A few words of what follows, up to a clause's end ("5 passed,"), not into the next number.
        int end = Math.min(Math.min(max, words.length), i + 1 + AFTER_LABEL);
        for (int j = i + 1; j < end; j++) {
          if (words[j].endsWith(",") || words[j].endsWith(";")) {
            return j + 1;
          }
        }
        return end;
      }
    }
    return fallback;
  }

  /** Words kept after a repeat's label: enough for its number ("Upstream drift: 2 commits of"). */
  private static final int AFTER_LABEL = 3;
}
