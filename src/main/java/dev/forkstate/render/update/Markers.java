package dev.forkstate.render.update;

import dev.forkstate.digest.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The marks that say what forkstate owns in a report: HTML comments, invisible when the Markdown is rendered.
 * <pre>
 * &lt;!-- forkstate:begin id=gaps sha=0123456789ab --&gt;
 * ## Gaps
 * ...
 * &lt;!-- forkstate:end id=gaps --&gt;
 * </pre>
 * The sha is a hash of the body as generated (keep blocks and trailing blank lines left out), so an edit by hand is
 * detectable. Lines between {@code <!-- keep -->} and {@code <!-- /keep -->} inside a section survive regeneration.
 */
public final class Markers {
  public static final Pattern BEGIN = Pattern.compile("<!-- forkstate:begin id=([a-z0-9-]+)(?: sha=([0-9a-f]+))? -->");
  public static final Pattern END = Pattern.compile("<!-- forkstate:end id=([a-z0-9-]+) -->");
  public static final Pattern FACTS = Pattern.compile("<!-- forkstate:facts v1 (.*) -->");
  public static final Pattern KEEP_OPEN = Pattern.compile("\\s*<!-- keep -->\\s*");
  public static final Pattern KEEP_CLOSE = Pattern.compile("\\s*<!-- /keep -->\\s*");

  private Markers() {}

  public static String begin(String id, String body) {
    return "<!-- forkstate:begin id=" + id + " sha=" + hash(body) + " -->";
  }

  public static String end(String id) {
    return "<!-- forkstate:end id=" + id + " -->";
  }

  /** The lines between a block's begin and end marks (the block's first and last lines). */
  public static String body(String block) {
    int first = Lines.endOfFirst(block);
    return first >= block.length() ? "" : block.substring(first, Lines.startOfLast(block));
  }

  /**
   * 12 hex digits of SHA-256 over the body without keep blocks and trailing blank lines, with CRLF read as LF: a
   * report whose line endings an editor or git's autocrlf changed is not edited, and its sha still matches.
   */
  public static String hash(String body) {
    return Sha256.hex(stripTrailingBlankLines(withoutKeepBlocks(body)).replace("\r\n", "\n")).substring(0, 12);
  }

  /**
   * The block (begin mark, body, end mark) with its begin mark's sha computed again from the body as it now stands:
   * after redaction, so the sha is of the bytes written and a rerun finds the section unedited.
   */
  public static String rehash(String block) {
    List<String> lines = Lines.split(block);
    java.util.regex.Matcher m = BEGIN.matcher(Lines.bare(lines.get(0)));
    if (lines.size() < 2 || !m.matches()) {
      return block;
    }
    String first = lines.get(0);
    String body = String.join("", lines.subList(1, lines.size() - 1));
    return begin(m.group(1), body) + first.substring(Lines.bare(first).length()) + body + lines.get(lines.size() - 1);
  }


  /** The keep blocks of a body, each with its marker lines, in order. An unclosed block runs to the end. */
  public static List<String> keepBlocks(String body) {
    List<String> blocks = new ArrayList<>();
    if (!mayKeep(body)) {
      return blocks;
    }
    StringBuilder current = null;
    for (String line : Lines.split(body)) {
      String bare = Lines.bare(line);
      if (current == null && KEEP_OPEN.matcher(bare).matches()) {
        current = new StringBuilder();
      }
      if (current != null) {
        current.append(line);
        if (KEEP_CLOSE.matcher(bare).matches()) {
          blocks.add(current.toString());
          current = null;
        }
      }
    }
    if (current != null) {
      blocks.add(current.toString());
    }
    return blocks;
  }

  public static String withoutKeepBlocks(String body) {
    if (!mayKeep(body)) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    boolean inKeep = false;
    for (String line : Lines.split(body)) {
      String bare = Lines.bare(line);
      if (!inKeep && KEEP_OPEN.matcher(bare).matches()) {
        inKeep = true;
      }
      if (!inKeep) {
        out.append(line);
      } else if (KEEP_CLOSE.matcher(bare).matches()) {
        inKeep = false;
      }
    }
    return out.toString();
  }

  /** False when no line of the text can open a keep block: most bodies, which then need no look line by line. */
  private static boolean mayKeep(String body) {
    return body.contains("<!-- keep -->");
  }

  /**
   * The text without the blank lines (whitespace alone) it ends with: up to the end of the line that holds its last
   * character that is not whitespace, that line's ending included. One look from the end, not a split into lines.
   */
  static String stripTrailingBlankLines(String text) {
    int last = text.length() - 1;
    while (last >= 0 && Character.isWhitespace(text.charAt(last))) {
      last--;
    }
    if (last < 0) {
      return "";
    }
    int end = last + 1;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    if (end < text.length()) {
      end += text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1;
    }
    return text.substring(0, end);
  }
}
