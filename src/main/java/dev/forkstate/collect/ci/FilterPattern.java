package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.CODE;

import dev.forkstate.fact.Phrase;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of a GitHub Actions branch, tag or path filter, read as GitHub's "Filter pattern cheat sheet" defines
 * it: {@code *} is any run of characters but {@code /}, {@code **} any run including {@code /}, {@code ?} and
 * {@code +} make the character before them optional or repeatable, {@code [..]} is one letter or digit from a set
 * or range, {@code \} makes the next character literal, and a leading {@code !} negates. Every other character,
 * regex metacharacters included, is itself: a workflow's text is never handed to a regex engine as is.
 */
public record FilterPattern(String source, boolean negated, Pattern regex) {

  /** A pattern GitHub's rules give no meaning to; the message names the pattern and what is wrong. */
  public static final class Malformed extends Exception {
    private final transient Phrase phrase;

    public Malformed(String source, Phrase why) {
      this(Phrase.of("filter pattern ").then(CODE, source).then(" is malformed: ").then(why));
    }

    public Malformed(String source, String why) {
      this(source, Phrase.of(why));
    }

    private Malformed(Phrase phrase) {
      super(phrase.plain());
      this.phrase = phrase;
    }

    /** The message, with the pattern and the characters it names as items. */
    public Phrase phrase() {
      return phrase;
    }
  }

  public static FilterPattern compile(String source) throws Malformed {
    boolean negated = source.startsWith("!");
    String body = negated ? source.substring(1) : source;
    if (body.isEmpty()) {
      throw new Malformed(source, "it is empty");
    }
    return new FilterPattern(source, negated, Pattern.compile(new Translation(source, body).regex()));
  }

  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  /**
   * GitHub's order rule: patterns are read top to bottom and each one that matches decides anew, so a later
   * {@code !pattern} excludes what an earlier one included and a later positive pattern includes it again.
   */
  public static boolean selects(List<FilterPattern> patterns, String name) {
    boolean selected = false;
    for (FilterPattern p : patterns) {
      if (p.matches(name)) {
        selected = !p.negated();
      }
    }
    return selected;
  }

  /** The walk over one pattern's characters, building a regex in which only our own text is syntax. */
  private static final class Translation {
    private final String source;
    private final String body;
    private final StringBuilder out = new StringBuilder();
    private int i;
    // Whether the last thing written is a single character or set that `?` or `+` may apply to.
    private boolean repeatable;

    Translation(String source, String body) {
      this.source = source;
      this.body = body;
    }

    String regex() throws Malformed {
      while (i < body.length()) {
        char c = body.charAt(i);
        switch (c) {
          case '*' -> star();
          case '?', '+' -> quantifier(c);
          case '[' -> set();
          case '\\' -> escaped();
          default -> literal(body.codePointAt(i));
        }
      }
      return out.toString();
    }

    private void star() {
      if (body.startsWith("**/", i)) {
        // "**/README.md" matches README.md too (the cheat sheet's own example): zero or more directories.
        out.append("(?:.+/)?");
        i += 3;
      } else if (body.startsWith("**", i)) {
        out.append(".*");
        i += 2;
      } else {
        out.append("[^/]*");
        i++;
      }
      repeatable = false;
    }

    private void quantifier(char c) throws Malformed {
      if (!repeatable) {
        // At the start, or after a wildcard or another quantifier, GitHub documents no meaning; a guess could
        // turn a filter that does not match into one that does.
        throw new Malformed(source, Phrase.of(CODE, String.valueOf(c)).then(" at position " + (i + 1)
            + " has no character before it to repeat"));
      }
      out.append(c);
      repeatable = false;
      i++;
    }

    private void set() throws Malformed {
      int close = body.indexOf(']', i + 1);
      if (close < 0) {
        throw new Malformed(source, Phrase.of("the ").then(CODE, "[").then(" at position " + (i + 1)
            + " is never closed"));
      }
      String inside = body.substring(i + 1, close);
      if (inside.isEmpty()) {
        throw new Malformed(source, Phrase.of(CODE, "[]").then(" is empty"));
      }
      out.append('[');
      for (int k = 0; k < inside.length(); k++) {
        char a = inside.charAt(k);
        if (k + 2 < inside.length() && inside.charAt(k + 1) == '-') {
          char b = inside.charAt(k + 2);
          if (!sameRange(a, b)) {
            throw new Malformed(source, Phrase.of("range ").then(CODE, a + "-" + b)
                .then(" is not within a-z, A-Z or 0-9"));
          }
          out.append(a).append('-').append(b);
          k += 2;
        } else if (isAsciiLetterOrDigit(a)) {
          out.append(a);
        } else {
          throw new Malformed(source, Phrase.of(CODE, "[" + inside + "]").then(" holds ")
              .then(CODE, String.valueOf(a)).then("; sets take only letters and digits"));
        }
      }
      out.append(']');
      i = close + 1;
      repeatable = true;
    }

    private void escaped() throws Malformed {
      if (i + 1 >= body.length()) {
        throw new Malformed(source, Phrase.of("it ends in a lone ").then(CODE, "\\"));
      }
      i++;
      literal(body.codePointAt(i));
    }

    private void literal(int cp) {
      if (cp < 128 && isAsciiLetterOrDigit((char) cp)) {
        out.append((char) cp);
      } else {
        // \x{..} is a literal for any code point, so no character of the workflow's text is regex syntax.
        out.append("\\x{").append(Integer.toHexString(cp)).append('}');
      }
      i += Character.charCount(cp);
      repeatable = true;
    }

    private static boolean sameRange(char a, char b) {
      return a <= b && (a >= 'a' && b <= 'z' || a >= 'A' && b <= 'Z' || a >= '0' && b <= '9');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
  }
}
