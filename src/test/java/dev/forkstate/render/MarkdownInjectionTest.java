package dev.forkstate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.render.update.Markers;
import dev.forkstate.report.Line;
import dev.forkstate.report.Report;
import dev.forkstate.report.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "Structure injected by repository text": whatever a path, branch, test id, commit subject or model
 * sentence holds, the rendered Markdown has the structure forkstate wrote and no more. A report with hostile text in
 * every place text goes (title, words, items, commands, sub-bullets, cited points, footnotes) is parsed with
 * commonmark-java and compared node kind by node kind with the same report holding a plain word: same headings, list
 * items, HTML blocks (only forkstate's marks), badges, code spans; no HTML, link, emphasis or code block from data.
 * Every piece of text also reads back exactly (on one line).
 */
class MarkdownInjectionTest {
  /** Pieces that open structure in CommonMark or in forkstate's own marks; the generator strings them together. */
  private static final List<String> HOSTILE = List.of("\n", "\r\n", "\r", "<!-- keep -->", "<!-- /keep -->",
      "<!-- forkstate:end id=s -->", "<!-- forkstate:begin id=x sha=0123456789ab -->", "<!--", "-->", "**PASS**",
      "**", "*", "_", "__x__", "`", "``", "```", "~~~", "|", "[", "]", "[^a.a]", "[x](http://e.invalid)",
      "![i](x.png)", "<div>", "</div>", "<b>", "<http://e.invalid>", "&amp;", "&#10;", "&lt;!--", "\\", "\\n",
      "- ", "+ ", "* ", "# ", "## ", "> ", "1. ", "2) ", "=", "---", "===", "    ", "\t", " ", "a",
      "Smokes: 999 passed",
      "x.py", "é", "—", "<", ">", "&", "!", "~", "$", "{", "}", "(", ")", ":", "#", "0.");

  @Test
  void theFileNameFromTheIssueIsOneInertListItem() {
    String name = "x\n<!-- keep -->\n- **PASS** Smokes: 999 passed\ny.py";
    String md = MarkdownText.of(Phrase.of(name));
    assertThat(md).doesNotContain("\n").doesNotContain("<!--").doesNotContain("**");
    assertStructureHolds(name);
  }

  @Test
  void aNameCarryingForkstatesMarksCannotFormOne() {
    assertStructureHolds("a\n<!-- forkstate:end id=s -->\n");
    assertStructureHolds("<!-- forkstate:facts v1 {} -->");
  }

  /** Words that open a block at the start of a bullet (# > - + = 1.) are escaped there. */
  @Test
  void blockOpenersAtTheStartOfAPhraseAreEscaped() {
    for (String s : List.of("# h", "## h", "> q", "- l", "+ l", "* l", "1. o", "2) o", "=== ", "--- ", "~~~",
        "```", "    code", "<div>")) {
      assertStructureHolds(s);
    }
    assertThat(MarkdownText.of(Phrase.of("# h"))).isEqualTo("\\# h");
    assertThat(MarkdownText.of(Phrase.of("a # h"))).isEqualTo("a # h");
  }

  /** Ordinary prose and names read unchanged in the Markdown source: the escaping is minimal. */
  @Test
  void ordinaryWordsAreUnchanged() {
    for (String s : List.of("local/scripts/live_checks.py: key", "tags at HEAD: v1.0.0-fork.1",
        "5 passed, 0 failed, 0 errors, 0 skipped", "MINILLM_ROUTER_CORE", "(root), .github/, local/",
        "merge-base a9afc75735f0 is from 2026-01-01, 0 days before HEAD", "R&D — done · 3 > 2")) {
      assertThat(MarkdownText.of(Phrase.of(s))).isEqualTo(s);
    }
  }

  /** A pipe the words escaper escaped is not escaped twice in a table cell (that would end the cell). */
  @Test
  void tableCellsKeepOnePipeEscape() {
    String cell = ClaimTable.cell(MarkdownText.of(Phrase.of("a|b ").then(Phrase.Kind.PATH, "c|d")));
    assertThat(cell).isEqualTo("a\\|b `c\\|d`");
    assertThat(cell.replaceAll("\\\\\\|", "")).doesNotContain("|");
  }

  /** Property: 3,000 generated hostile strings (fixed seed), each in every place of a report. */
  @Test
  void generatedHostileTextNeverChangesTheStructure() {
    Random random = new Random(15);
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder();
      int pieces = 1 + random.nextInt(8);
      for (int p = 0; p < pieces; p++) {
        s.append(HOSTILE.get(random.nextInt(HOSTILE.size())));
      }
      // A blank text leaves a bullet empty: no paragraph, a different shape that no data caused.
      assertStructureHolds(s.toString().isBlank() ? s + "a" : s.toString());
    }
  }

  private static void assertStructureHolds(String hostile) {
    Report plain = report("word");
    Report bad = report(hostile);
    String md = new MarkdownRenderer().render(bad);
    Node doc = Parser.builder().build().parse(md);
    // A bullet too long for view is shown short and repeated whole in a fold: a shape its length chose, so only the
    // rules below (marks, texts read exactly) hold for it.
    Line.Bullet first = (Line.Bullet) bad.sections().get(0).lines().get(0);
    if (FirstWords.count(first.text()) <= MarkdownRenderer.LONG_IN_VIEW) {
      assertThat(shape(doc)).as("structure of %s:%n%s", show(hostile), md)
          .isEqualTo(shape(Parser.builder().build().parse(new MarkdownRenderer().render(plain))));
    }
    // Only forkstate's own marks and folds are HTML blocks, each on its own line; data never forms or breaks one.
    md.lines().filter(l -> l.startsWith("<")).forEach(l -> assertThat(Markers.BEGIN.matcher(l).matches()
        || Markers.END.matcher(l).matches() || Markers.FACTS.matcher(l).matches()
        || l.matches("<details><summary>[^<>]*</summary>") || l.equals("</details>")).as(l).isTrue());
    // What each piece of text reads as: the text exactly, on one line.
    String one = hostile.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    List<String> paragraphs = paragraphs(doc);
    assertThat(paragraphs).as("texts of %s:%n%s", show(hostile), md).contains(
        ("State of p" + one + " — 2026-01-01").strip(),
        "PASS x" + one + one + one + "y · cmd " + one,
        one.strip(),
        "point " + one + "[^a.a]");
  }

  private static Report report(String text) {
    List<Line> lines = List.of(
        new Line.Bullet(0, Status.PASS, Phrase.of("x" + text).then(Phrase.Kind.PATH, text).then(text + "y"),
            "cmd " + text, List.of()),
        new Line.Bullet(1, null, Phrase.of(text), "", List.of()),
        new Line.Bullet(1, null, Phrase.of("chart: ").then(Phrase.Kind.IMAGE, "dir/" + text + ".svg"), "", List.of()),
        new Line.Cited(1, Phrase.of("point " + text), List.of(FactId.of("a.a"))),
        new Line.Note(FactId.of("a.a"), Status.FAIL, Phrase.of(text).then(Phrase.Kind.TEST_ID, text), "cmd"));
    return new Report(1, "0.1.0", "p" + text, "2026-01-01", List.of(new Section("s", "Executive Summary", lines)),
        List.of(), List.of(), Assessment.byRules("p", "rules", List.of(), ""), RunVerdict.of(List.of()));
  }

  /** Node kinds in document order with their depth: the structure, without the text. */
  private static List<String> shape(Node doc) {
    List<String> out = new ArrayList<>();
    walk(doc, 0, out);
    return out;
  }

  private static void walk(Node n, int depth, List<String> out) {
    // Text nodes are data: a run may split in two where an escape sits, which is not structure.
    if (!(n instanceof Text)) {
      out.add(depth + ":" + n.getClass().getSimpleName());
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      walk(c, depth + 1, out);
    }
  }

  /** Each paragraph's and heading's text as a reader sees it: text and code literals, badges included, on one line. */
  private static List<String> paragraphs(Node doc) {
    List<String> out = new ArrayList<>();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Paragraph p) {
        StringBuilder b = new StringBuilder();
        collect(p, b);
        out.add(b.toString());
      }

      @Override
      public void visit(Heading h) {
        StringBuilder b = new StringBuilder();
        collect(h, b);
        out.add(b.toString());
      }
    });
    return out;
  }

  private static void collect(Node n, StringBuilder b) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        b.append(t.getLiteral());
      } else if (c instanceof Code code) {
        b.append(code.getLiteral());
      } else if (!(c instanceof CustomNode) && !(c instanceof CustomBlock)) {
        collect(c, b);
      }
    }
  }

  private static String show(String s) {
    Map<String, String> esc = new LinkedHashMap<>(Map.of("\n", "\\n", "\r", "\\r", "\t", "\\t"));
    String out = s;
    for (var e : esc.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return "\"" + out + "\"";
  }
}
