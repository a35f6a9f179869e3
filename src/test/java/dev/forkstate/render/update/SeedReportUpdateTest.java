package dev.forkstate.render.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.report.SectionTitles;
import dev.forkstate.support.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's own report, written by an agent without marks, updated in a real fork. */
class SeedReportUpdateTest {
  static final List<String> EXTRA_SECTIONS = List.of("Stop/Start/Continue", "Technical Debt (own it)",
      "Canary Parity Plan", "Wiring Draft", "Quick Links");

  @TempDir
  Path tmp;

  static String seed() throws Exception {
    return Files.readString(Path.of("src/test/resources/seed/STATE_OF_PROJECT.md"), StandardCharsets.UTF_8);
  }

  /** The text of a hand-written section of the seed: from its title line to the next section title or the end. */
  static String sectionText(String report, String title) {
    int start = report.indexOf("\n" + title + "\n") + 1;
    int end = report.length();
    for (String other : EXTRA_SECTIONS) {
      int at = report.indexOf("\n" + other + "\n", start + 1);
      if (at > 0 && at < end) {
        end = at + 1;
      }
    }
    return report.substring(start, end);
  }

  @Test
  void updatingTheSeedKeepsItsFiveSectionsVerbatimAndRegeneratesTheElevenOwnedOnes() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    Path fork = DemoProject.build(tmp.resolve("demo"), env);
    Path report = fork.resolve("STATE_OF_PROJECT.md");
    String original = seed();
    Files.writeString(report, original, StandardCharsets.UTF_8);

    GenerateResult r = new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD, true,
        null, env));
    String updated = Files.readString(report, StandardCharsets.UTF_8);

    int last = -1;
    for (String title : EXTRA_SECTIONS) {
      String text = sectionText(original, title);
      int at = updated.indexOf(text);
      assertThat(at).as(title + " kept verbatim").isGreaterThan(last);
      last = at;
    }
    for (String id : SectionTitles.IDS) {
      assertThat(updated).contains("<!-- forkstate:begin id=" + id + " sha=");
    }
    List<String> headings = updated.lines().filter(l -> l.startsWith("## ")).toList();
    assertThat(headings).hasSize(11);
    // Claims of the old owned sections are gone from the new text, but not from disk.
    assertThat(updated).doesNotContain("Green on last run").doesNotContain("p50/p95 parity");
    assertThat(Files.readString(fork.resolve("STATE_OF_PROJECT.md.prev"), StandardCharsets.UTF_8))
        .isEqualTo(original);
    assertThat(r.notes()).singleElement().asString().startsWith("migrated STATE_OF_PROJECT.md to marked sections; "
        + "overwritten: ");

    assertThat(updated).contains("Changes since the last report: none can be named: the previous report carries no "
        + "forkstate facts");

    // Later runs find their own marks: nothing edited, nothing saved again, and then the same bytes.
    Files.delete(fork.resolve("STATE_OF_PROJECT.md.prev"));
    GenerateResult again = new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD, true,
        null, env));
    assertThat(again.notes()).isEmpty();
    assertThat(fork.resolve("STATE_OF_PROJECT.md.prev")).doesNotExist();
    String second = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(second).contains("- Changes since the last report: none\n");
    new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD, true, null, env));
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(second);
  }

  @Test
  void theSeedIsReadAsElevenOwnedSectionsAndTheRestAsTheUsers() throws Exception {
    ReportDocument doc = ReportDocument.parse(seed(), SectionTitles.idsByNormalisedTitle(), "STATE_OF_PROJECT.md");
    assertThat(doc.marked()).isFalse();
    List<String> managed = doc.blocks().stream().filter(b -> b instanceof Block.Managed)
        .map(b -> ((Block.Managed) b).id()).toList();
    assertThat(managed).containsExactly("title", "executive-summary", "capabilities", "validation-status",
        "comparison-vs-upstream", "advantages", "gaps", "happypath-alignment", "next-steps", "metrics", "risks",
        "references");
    StringBuilder all = new StringBuilder();
    doc.blocks().forEach(b -> all.append(b instanceof Block.Managed m ? m.text()
        : b instanceof Block.HandWritten h ? h.text() : ((Block.Facts) b).text()));
    assertThat(all.toString()).isEqualTo(seed()); // the split loses no byte
  }
}
