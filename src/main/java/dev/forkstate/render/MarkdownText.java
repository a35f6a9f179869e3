package dev.forkstate.render;

import dev.forkstate.fact.Phrase;
import java.util.regex.Pattern;

/**
 * A phrase as Markdown inline text: every item in a code span ({@link CodeSpan}), words escaped so that they show as
 * written and can add no structure. Words carry repository text too (paths in a list, tag names, test ids in a
 * message, a model's sentence), and a file name may hold a newline, {@code <!-- keep -->}, {@code **PASS**}, a
 * backtick or a pipe. So: a line break becomes a space (data can never start a line, a list item or a mark); the
 * characters that open inline structure ({@code \ ` * _ [ ] < | ~}, an entity's {@code &}) are escaped; and a phrase
 * that begins with what would open a block inside its bullet ({@code #}, {@code >}, {@code -}, {@code +},
 * {@code =}, {@code 1.}) has that character escaped. Escaping is minimal, so forkstate's own prose reads unchanged
 * in the Markdown source: an underscore inside a word ({@code live_checks.py}) cannot open emphasis and stays.
 */
public final class MarkdownText {
  private static final Pattern ENTITY =
      Pattern.compile("&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)");
  private static final Pattern BLOCK_START = Pattern.compile("^(?:[#>+=-]|[0-9]{1,9}[.)])");

  private MarkdownText() {}

  public static String of(Phrase phrase) {
    StringBuilder md = new StringBuilder();
    for (Phrase.Part part : phrase.parts()) {
      if (part instanceof Phrase.Code c && c.kind() == Phrase.Kind.IMAGE) {
        md.append(image(c.text()));
      } else if (part instanceof Phrase.Code c) {
        md.append(CodeSpan.of(c.text()));
      } else {
        md.append(md.length() == 0 ? lineStart(part.text()) : inline(part.text()));
      }
    }
    return md.toString();
  }

  /** Words that begin a line's content (a heading's text, a quoted line): inline escapes and a block opener. */
  public static String lineStart(String words) {
    String text = inline(words).stripLeading();
    var m = BLOCK_START.matcher(text);
    if (!m.find()) {
      return text;
    }
    int at = m.end() - 1;
    return text.substring(0, at) + "\\" + text.substring(at);
  }

  /** Words inside a line: on one line, every character that could open inline structure escaped. */
  public static String inline(String words) {
    String one = words.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    StringBuilder out = new StringBuilder(one.length() + 8);
    for (int i = 0; i < one.length(); i++) {
      char c = one.charAt(i);
      if (isInline(c) || c == '_' && !intraword(one, i)) {
        out.append('\\').append(c);
      } else if (c == '<') {
        out.append("&lt;");
      } else if (c == '&' && ENTITY.matcher(one).region(i, one.length()).lookingAt()) {
        out.append("\\&");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * An image by its path: the alt text is the file's name (escaped words), the path a pointy-bracket destination on
   * one line with its brackets and backslashes escaped, so a name with spaces or parentheses still links whole.
   */
  static String image(String path) {
    String one = path.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    String name = one.substring(one.lastIndexOf('/') + 1);
    String dest = one.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>");
    return "![" + inline(name) + "](<" + dest + ">)";
  }

  /** A character that opens inline structure: a switch, not a search of a string, for each character of the words. */
  private static boolean isInline(char c) {
    return switch (c) {
      case '\\', '`', '*', '[', ']', '|', '~' -> true;
      default -> false;
    };
  }

  /** An underscore between two letters or digits: CommonMark lets it neither open nor close emphasis. */
  private static boolean intraword(String s, int i) {
    return i > 0 && i < s.length() - 1 && Character.isLetterOrDigit(s.charAt(i - 1))
        && Character.isLetterOrDigit(s.charAt(i + 1));
  }
}
