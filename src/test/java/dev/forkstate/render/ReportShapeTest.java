package dev.forkstate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.report.SectionTitles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's bounds on the demo report (the golden file GoldenReportTest holds byte for byte): what a reader sees
 * before opening a collapsed block is short, says each thing once and shows each command at most 3 times.
 * Before issue 17 the demo measured 158 visible lines, 2,168 words, 62 status bullets, 3 lines shown twice and a
 * command shown 8 times; now 70 lines, 861 words, no line twice, a command at most twice, 5 summary bullets. The
 * large-fork bounds are checked on a generated fork in {@link LargeForkShapeTest}.
 */
class ReportShapeTest {
  private static final Path DEMO = Path.of("src/test/resources/golden/demo/expected.md");
  private static final Path BROKEN = Path.of("src/test/resources/golden/broken/expected.md");

  @Test
  void theDemoReportIsShortAndSaysEachThingOnce() throws Exception {
    ReportShape shape = ReportShape.of(Files.readString(DEMO, StandardCharsets.UTF_8));
    System.out.println("demo report: " + shape);

    assertThat(shape.lines()).as(shape.toString()).isLessThanOrEqualTo(BOUND_LINES);
    assertThat(shape.words()).as(shape.toString()).isLessThanOrEqualTo(BOUND_WORDS);
    assertThat(shape.repeatedLines()).as("lines shown twice").hasSizeLessThanOrEqualTo(BOUND_REPEATED);
    assertThat(shape.lines()).as("folding keeps something in view").isGreaterThan(40);
    assertThat(shape.mostShownCommand()).as("commands shown: %s", shape.commands())
        .isLessThanOrEqualTo(BOUND_COMMAND);
    assertThat(shape.bulletsIn("Executive Summary")).isBetween(1L, 12L);
    assertThat(shape.sectionTitles()).isEqualTo(SectionTitles.TITLES);
  }

  /**
   * The 'broken' golden report (no upstream, no CI, a failing and a skipped smoke): UNKNOWN and SKIPPED facts stay in
   * view with their reasons, so it is longer. Bounds: the large-fork 130 lines and 1,600 words,
   * no line twice, a command at most 3 times.
   */
  @Test
  void theBrokenReportStaysInTheLargeForkBounds() throws Exception {
    ReportShape shape = ReportShape.of(Files.readString(BROKEN, StandardCharsets.UTF_8));
    System.out.println("broken report: " + shape);

    shape.assertWithinLargeForkBounds();
  }

  @Test
  void foldedDetailsAndCommentsAreNotCounted() {
    ReportShape shape = ReportShape.of("""
        <!-- forkstate:begin id=x sha=1 -->
        ## X

        - **PASS** a · `git status`
        - **PASS** a · `git status`
        <details><summary>More</summary>

        - **PASS** hidden · `git status`

        </details>
        <!-- forkstate:end id=x -->
        """);
    assertThat(shape.lines()).isEqualTo(4);
    assertThat(shape.statusBullets()).isEqualTo(2);
    assertThat(shape.repeatedLines()).containsEntry("- **PASS** a · `git status`", 2);
    assertThat(shape.commands()).containsEntry("git status", 2);
    assertThat(shape.words()).isEqualTo(2 + 5 + 5 + 3);
    assertThat(shape.bulletsIn("X")).isEqualTo(2);
  }

  // The bounds issue 17 sets: 110 lines, 1,400 words, no line twice, no command more than 3 times.
  private static final int BOUND_LINES = 110;
  private static final int BOUND_WORDS = 1400;
  private static final int BOUND_REPEATED = 0;
  private static final int BOUND_COMMAND = 3;
}
