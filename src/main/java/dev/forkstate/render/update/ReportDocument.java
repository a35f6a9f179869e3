package dev.forkstate.render.update;

import dev.forkstate.error.UserError;
import dev.forkstate.report.SectionTitles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * An existing report, split into what forkstate owns and what it does not. Two shapes are read:
 * <ul>
 *   <li>marked: forkstate's own marks ({@link Markers}); broken marks are refused, never repaired;</li>
 *   <li>unmarked: a report written by hand or by an agent, where sections start at a heading or at a short line
 *       directly followed by a list ("Executive Summary", "Technical Debt (own it)"). Sections whose titles are
 *       forkstate's become managed; every other line stays the user's.</li>
 * </ul>
 * Parsing uses commonmark-java with source spans, so marks inside code blocks or list items are not taken for marks.
 */
public record ReportDocument(List<Block> blocks, boolean marked) {
  private static final int MAX_TITLE_CHARS = 80;
  /**
   * Block structure only. Where the marks are is a matter of blocks (CommonMark parses inlines after the blocks are
   * fixed), and parsing the inlines of every paragraph (emphasis, links) was most of the parse: they are parsed only
   * for a report without marks, whose headings' text names its sections ({@link #FULL}).
   */
  private static final Parser BLOCKS = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS)
      .inlineParserFactory(context -> (lines, node) -> { }).build();
  private static final Parser FULL = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  public ReportDocument {
    blocks = List.copyOf(blocks);
  }

  /** The facts JSON embedded by the run that wrote this file, if any. */
  public Optional<String> factsJson() {
    return blocks.stream().filter(b -> b instanceof Block.Facts).map(b -> ((Block.Facts) b).json()).findFirst();
  }

  /**
   * @param sectionIds normalised section title to section id, for reading unmarked reports
   */
  public static ReportDocument parse(String text, Map<String, String> sectionIds, String fileName) {
    List<String> lines = Lines.split(text);
    Node doc = BLOCKS.parse(text);
    TreeMap<Integer, Matcher> marks = new TreeMap<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof HtmlBlock && !n.getSourceSpans().isEmpty()) {
        int line = n.getSourceSpans().get(0).getLineIndex();
        for (int i = line; i <= last(n); i++) {
          String bare = Lines.bare(lines.get(i)).strip();
          for (var p : List.of(Markers.BEGIN, Markers.END, Markers.FACTS)) {
            Matcher m = p.matcher(bare);
            if (m.matches()) {
              marks.put(i, m);
            }
          }
        }
      }
    }
    return marks.isEmpty() ? unmarked(lines, FULL.parse(text), sectionIds) : marked(lines, marks, fileName);
  }

  private static ReportDocument marked(List<String> lines, TreeMap<Integer, Matcher> marks, String fileName) {
    List<Block> blocks = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    StringBuilder hand = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      Matcher m = marks.get(i);
      if (m == null) {
        hand.append(lines.get(i++));
        continue;
      }
      flush(hand, blocks);
      if (m.pattern() == Markers.FACTS) {
        blocks.add(new Block.Facts(lines.get(i), m.group(1)));
        i++;
        continue;
      }
      if (m.pattern() == Markers.END) {
        throw broken(fileName, i, "an end mark for '" + m.group(1) + "' with no begin mark before it");
      }
      String id = m.group(1);
      if (!seen.add(id)) {
        throw broken(fileName, i, "section '" + id + "' is marked twice");
      }
      Integer endLine = marks.higherKey(i);
      Matcher end = endLine == null ? null : marks.get(endLine);
      if (end == null || end.pattern() != Markers.END || !end.group(1).equals(id)) {
        throw broken(fileName, i, "the begin mark for '" + id + "' has no matching end mark before the next mark");
      }
      String text = String.join("", lines.subList(i, endLine + 1));
      String body = String.join("", lines.subList(i + 1, endLine));
      blocks.add(new Block.Managed(id, text, body, m.group(2), i + 1));
      i = endLine + 1;
    }
    flush(hand, blocks);
    return new ReportDocument(blocks, true);
  }

  private static UserError broken(String fileName, int line, String what) {
    return new UserError("report marks are broken: " + what, fileName + ":" + (line + 1),
        "fix the forkstate:begin/end comments by hand, or move the file aside; forkstate will not guess");
  }

  /** A title line: its line index, its text. */
  private record Title(int line, String text, boolean documentTitle) {}

  private static ReportDocument unmarked(List<String> lines, Node doc, Map<String, String> sectionIds) {
    List<Title> titles = new ArrayList<>();
    boolean sawH1 = false;
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n.getSourceSpans().isEmpty()) {
        continue;
      }
      int line = n.getSourceSpans().get(0).getLineIndex();
      if (n instanceof Heading h) {
        boolean docTitle = h.getLevel() == 1 && !sawH1 && titles.isEmpty();
        sawH1 |= docTitle;
        titles.add(new Title(line, text(h), docTitle));
      } else if (n instanceof Paragraph && last(n) == line && n.getNext() instanceof ListBlock) {
        String t = Lines.bare(lines.get(line)).strip();
        if (!t.isEmpty() && t.length() <= MAX_TITLE_CHARS && !t.endsWith(".")) {
          titles.add(new Title(line, t, false));
        }
      }
    }
    List<Block> blocks = new ArrayList<>();
    int firstSection = titles.stream().filter(t -> !t.documentTitle()).mapToInt(Title::line).findFirst()
        .orElse(lines.size());
    int cursor = 0;
    for (Title t : titles) {
      if (t.documentTitle()) {
        addHand(blocks, lines, cursor, t.line());
        int endTitle = t.line() + 1;
        // Our own unmarked output puts a "_Generated by forkstate" line under the title: it is ours too.
        int next = nextNonBlank(lines, endTitle);
        if (next < firstSection && Lines.bare(lines.get(next)).startsWith("_Generated by forkstate ")) {
          endTitle = next + 1;
        }
        addManaged(blocks, "title", lines, t.line(), endTitle);
        cursor = endTitle;
      }
    }
    List<Title> sections = titles.stream().filter(t -> !t.documentTitle()).toList();
    for (int s = 0; s < sections.size(); s++) {
      Title t = sections.get(s);
      int end = s + 1 < sections.size() ? sections.get(s + 1).line() : lines.size();
      addHand(blocks, lines, cursor, t.line());
      String id = sectionIds.get(SectionTitles.normalise(t.text()));
      if (id == null) {
        // "Gaps (vs upstream)", "HAPPYPATH Alignment (local/docs/...)": a trailing remark in brackets is not the name.
        id = sectionIds.get(SectionTitles.normalise(t.text().replaceFirst("\\s*\\([^()]*\\)\\s*$", "")));
      }
      if (id == null) {
        addHand(blocks, lines, t.line(), end);
      } else {
        // Trailing blank lines are spacing, not content: they stay where they are.
        int contentEnd = end;
        while (contentEnd > t.line() + 1 && Lines.bare(lines.get(contentEnd - 1)).isBlank()) {
          contentEnd--;
        }
        addManaged(blocks, id, lines, t.line(), contentEnd);
        addHand(blocks, lines, contentEnd, end);
      }
      cursor = end;
    }
    addHand(blocks, lines, cursor, lines.size());
    return new ReportDocument(merge(blocks), false);
  }

  private static void addManaged(List<Block> blocks, String id, List<String> lines, int from, int to) {
    String text = String.join("", lines.subList(from, to));
    boolean duplicate = blocks.stream().anyMatch(b -> b instanceof Block.Managed m && m.id().equals(id));
    // A section title used twice: the second is kept as the user's, so nothing of it is lost.
    blocks.add(duplicate ? new Block.HandWritten(text) : new Block.Managed(id, text, text, null, from + 1));
  }

  private static void addHand(List<Block> blocks, List<String> lines, int from, int to) {
    if (from < to) {
      blocks.add(new Block.HandWritten(String.join("", lines.subList(from, to))));
    }
  }

  private static void flush(StringBuilder hand, List<Block> blocks) {
    if (hand.length() > 0) {
      blocks.add(new Block.HandWritten(hand.toString()));
      hand.setLength(0);
    }
  }

  /** Adjacent hand-written pieces become one. */
  private static List<Block> merge(List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Block.HandWritten h && !out.isEmpty() && out.get(out.size() - 1) instanceof Block.HandWritten p) {
        out.set(out.size() - 1, new Block.HandWritten(p.text() + h.text()));
      } else {
        out.add(b);
      }
    }
    return out;
  }

  private static int nextNonBlank(List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && Lines.bare(lines.get(i)).isBlank()) {
      i++;
    }
    return i;
  }

  private static int last(Node n) {
    return n.getSourceSpans().get(n.getSourceSpans().size() - 1).getLineIndex();
  }

  private static String text(Node n) {
    StringBuilder sb = new StringBuilder();
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else {
        sb.append(text(c));
      }
    }
    return sb.toString();
  }
}
