package dev.forkstate.render.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.error.UserError;
import dev.forkstate.report.SectionTitles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportMergerTest {
  private static LinkedHashMap<String, String> fresh(String... idsAndBodies) {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < idsAndBodies.length; i += 2) {
      String body = idsAndBodies[i + 1];
      m.put(idsAndBodies[i], Markers.begin(idsAndBodies[i], body) + "\n" + body + Markers.end(idsAndBodies[i]) + "\n");
    }
    return m;
  }

  private static ReportDocument parse(String text) {
    return ReportDocument.parse(text, SectionTitles.idsByNormalisedTitle(), "r.md");
  }

  private static final String FACTS = "<!-- forkstate:facts v1 {} -->\n";

  @Test
  void unchangedOwnedSectionsAreReplacedSilentlyAndHandTextStaysInPlace() {
    var v1 = fresh("title", "# T\n", "gaps", "## Gaps\n\n- old\n", "references", "## References\n\n- r\n");
    String file = ReportMerger.fresh(v1, FACTS);
    // The user adds a section between two owned ones.
    String mine = "\n## Our notes\n\n- decided X on Monday\n";
    int at = file.indexOf("<!-- forkstate:begin id=references");
    String edited = file.substring(0, at) + mine.substring(1) + "\n" + file.substring(at);
    var v2 = fresh("title", "# T\n", "gaps", "## Gaps\n\n- new\n", "references", "## References\n\n- r\n");
    MergeResult r = ReportMerger.merge(parse(edited), v2, FACTS);
    assertThat(r.text()).contains("## Our notes\n\n- decided X on Monday\n").contains("- new\n")
        .doesNotContain("- old");
    assertThat(r.text().indexOf("## Our notes")).isBetween(r.text().indexOf("## Gaps"),
        r.text().indexOf("## References"));
    assertThat(r.needsBackup()).isFalse();
  }

  @Test
  void aHandEditInsideAnOwnedSectionIsCountedAndKeepBlocksSurvive() {
    var v1 = fresh("gaps", "## Gaps\n\n- measured gap\n");
    String file = ReportMerger.fresh(v1, FACTS)
        .replace("- measured gap\n", "- measured gap\n- my edit\n<!-- keep -->\n- decision: ship Friday\n<!-- /keep -->\n");
    var v2 = fresh("gaps", "## Gaps\n\n- measured gap\n");
    MergeResult r = ReportMerger.merge(parse(file), v2, FACTS);
    assertThat(r.overwritten()).containsEntry("gaps", 1);
    assertThat(r.needsBackup()).isTrue();
    assertThat(r.text()).doesNotContain("- my edit")
        .contains("- measured gap\n\n<!-- keep -->\n- decision: ship Friday\n<!-- /keep -->\n<!-- forkstate:end id=gaps -->");
    assertThat(r.keptSections()).containsExactly("gaps");
    // Next time, the keep block alone is not an edit: nothing to save.
    MergeResult again = ReportMerger.merge(parse(r.text()), v2, FACTS);
    assertThat(again.needsBackup()).isFalse();
    assertThat(again.text()).isEqualTo(r.text());
  }

  @Test
  void aSectionTheFileLacksIsInsertedAfterItsPredecessor() {
    var v1 = fresh("title", "# T\n", "references", "## References\n\n- r\n");
    var v2 = fresh("title", "# T\n", "gaps", "## Gaps\n\n- g\n", "references", "## References\n\n- r\n");
    String out = ReportMerger.merge(parse(ReportMerger.fresh(v1, FACTS)), v2, FACTS).text();
    assertThat(out.indexOf("## Gaps")).isBetween(out.indexOf("# T"), out.indexOf("## References"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<!-- forkstate:begin id=gaps sha=000000000000 -->\n## Gaps\n",
      "<!-- forkstate:end id=gaps -->\n",
      "<!-- forkstate:begin id=gaps -->\nx\n<!-- forkstate:end id=risks -->\n",
      "<!-- forkstate:begin id=gaps -->\nx\n<!-- forkstate:end id=gaps -->\n<!-- forkstate:begin id=gaps -->\ny\n"
          + "<!-- forkstate:end id=gaps -->\n"})
  void brokenMarksAreRefusedWithTheirLine(String text) {
    assertThatThrownBy(() -> parse("# Mine\n\n" + text)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("report marks are broken")
        .satisfies(e -> assertThat(((UserError) e).where()).matches("r\\.md:\\d+"));
  }

  @Test
  void marksInsideCodeBlocksAreTheUsersText() {
    var v1 = fresh("gaps", "## Gaps\n\n- g\n");
    String doc = "## How we mark\n\n```\n<!-- forkstate:begin id=gaps -->\n```\n\n" + ReportMerger.fresh(v1, FACTS);
    MergeResult r = ReportMerger.merge(parse(doc), fresh("gaps", "## Gaps\n\n- h\n"), FACTS);
    assertThat(r.text()).startsWith("## How we mark\n\n```\n<!-- forkstate:begin id=gaps -->\n```\n\n")
        .contains("- h\n");
  }

  @Test
  void crlfHandTextIsKeptByteForByte() {
    String doc = "Our Notes\r\n- one\r\n- two\r\n\r\n" + ReportMerger.fresh(fresh("gaps", "## Gaps\n\n- g\n"), FACTS);
    String out = ReportMerger.merge(parse(doc), fresh("gaps", "## Gaps\n\n- h\n"), FACTS).text();
    assertThat(out).startsWith("Our Notes\r\n- one\r\n- two\r\n\r\n");
  }

  /**
   * Property: whatever the user adds between sections (headings, lists, code with fake marks, unicode, CRLF), an
   * update keeps every hand-written byte, in order. Seeded, so a failure names the seed that reproduces it.
   */
  @Test
  void everyHandWrittenByteSurvivesAnUpdateInOrder() {
    for (long seed = 1; seed <= 300; seed++) {
      Random rnd = new Random(seed);
      var v1 = freshReport(rnd, "one");
      List<String> pieces = new ArrayList<>();
      StringBuilder doc = new StringBuilder();
      List<String> blocks = new ArrayList<>(v1.values());
      Map<String, String> edits = new HashMap<>();
      List<String> ids = new ArrayList<>(v1.keySet());
      for (int i = 0; i <= blocks.size(); i++) {
        if (rnd.nextInt(3) == 0) {
          String hand = handText(rnd);
          pieces.add(hand);
          doc.append(hand);
        }
        if (i < blocks.size()) {
          String block = blocks.get(i);
          int endMark = block.lastIndexOf("<!-- forkstate:end");
          switch (rnd.nextInt(4)) {
            case 0 -> { // a keep block inside an owned section must survive
              String keep = "<!-- keep -->\n- kept " + rnd.nextInt() + "\n<!-- /keep -->\n";
              pieces.add(keep);
              block = block.substring(0, endMark) + keep + block.substring(endMark);
            }
            case 1 -> { // an edit inside an owned section: replaced, so the previous file must be saved
              String edit = "- my edit " + rnd.nextInt() + "\n";
              block = block.substring(0, endMark) + edit + block.substring(endMark);
              edits.put(ids.get(i), edit);
            }
            default -> { }
          }
          doc.append(block).append(rnd.nextBoolean() ? "\n" : "");
        }
      }
      doc.append(FACTS);
      var v2 = freshReport(rnd, "two");
      MergeResult merged = ReportMerger.merge(parse(doc.toString()), v2, FACTS);
      if (edits.keySet().stream().anyMatch(v2::containsKey)) {
        assertThat(merged.needsBackup()).as("seed " + seed + ": an edit was replaced without a backup").isTrue();
      }
      String out = merged.text();
      // A section the new run does not write is kept whole, the edit in it too.
      long seen = seed;
      edits.forEach((id, edit) -> assertThat(v2.containsKey(id) || out.contains(edit))
          .as("seed " + seen + ": section " + id + " dropped").isTrue());
      int from = 0;
      for (String piece : pieces) {
        int at = out.indexOf(piece, from);
        assertThat(at).as("seed " + seed + ": hand text lost or reordered: " + piece).isGreaterThanOrEqualTo(0);
        from = at + piece.length();
      }
    }
  }

  private static LinkedHashMap<String, String> freshReport(Random rnd, String tag) {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    m.putAll(fresh("title", "# State of x " + tag + "\n"));
    for (String id : SectionTitles.IDS) {
      if (rnd.nextInt(5) > 0) {
        m.putAll(fresh(id, "## " + SectionTitles.title(id) + "\n\n- " + tag + " " + rnd.nextInt(100) + "\n"));
      }
    }
    return m;
  }

  private static String handText(Random rnd) {
    String nl = rnd.nextInt(4) == 0 ? "\r\n" : "\n";
    return switch (rnd.nextInt(5)) {
      case 0 -> "## Notes " + rnd.nextInt(1000) + nl + nl + "- décision ✓ " + rnd.nextInt() + nl + nl;
      case 1 -> "Stop/Start/Continue" + nl + "- Stop: " + rnd.nextInt() + nl + nl;
      case 2 -> "```" + nl + "<!-- forkstate:begin id=gaps -->" + nl + "```" + nl + nl;
      case 3 -> "Plain paragraph " + rnd.nextInt() + " with `code` and *emphasis*." + nl + nl;
      default -> "> quote " + rnd.nextInt() + nl + nl;
    };
  }

  /**
   * What the update's shortcuts rely on: a block whose bytes redaction left alone already carries the mark rehashing
   * would give it, with LF or CRLF line endings (so OutputWriter skips the rehash); and an old section whose body is
   * the new body word for word loses no line, whatever sha its begin mark claims (so the merger skips the hash).
   */
  @Test
  void anUnchangedBlockKeepsItsMarkAndAnUnchangedBodyLosesNothing() {
    for (String body : List.of("## Gaps\n\n- a\n", "## Gaps\n\n- a\n\n\n",
        "## Gaps\n\n<!-- keep -->\nmine\n<!-- /keep -->\n- a\n", "## Gaps\r\n\r\n- a\r\n", "")) {
      String block = fresh("gaps", body).get("gaps");
      assertThat(Markers.rehash(block)).isEqualTo(block);
      assertThat(Markers.rehash(Lines.withCrlf(block))).isEqualTo(Lines.withCrlf(block));
      assertThat(Markers.body(block)).isEqualTo(body);
    }
    var v1 = fresh("title", "# T\n", "gaps", "## Gaps\n\n- same\n");
    String wrongSha = ReportMerger.fresh(v1, FACTS).replaceFirst("id=gaps sha=[0-9a-f]+", "id=gaps sha=000000000000");
    MergeResult r = ReportMerger.merge(parse(wrongSha), v1, FACTS);
    assertThat(r.overwrittenLines()).isZero();
    assertThat(r.needsBackup()).isFalse();
    assertThat(r.text()).isEqualTo(ReportMerger.fresh(v1, FACTS));
  }
}
