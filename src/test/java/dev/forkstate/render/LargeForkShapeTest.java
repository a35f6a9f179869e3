package dev.forkstate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.VerifyOwnReportTest;
import dev.forkstate.app.VerifyReport;
import dev.forkstate.support.LargeFork;
import dev.forkstate.support.TestEnv;
import dev.forkstate.verify.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's large-fork bounds on a generated large fork ({@link LargeFork}: 50 fork commits across 14 areas and a
 * merge, upstream 160 commits ahead with 48 conflicted files, 64 new flags, failing and unrunnable smokes, a CI
 * workflow, five recorded runs): what a reader sees before opening a fold is at most 130 lines and 1,600 words, says
 * no line twice, shows no command more than 3 times, keeps the Executive Summary to 12 bullets and all eleven
 * sections in the seed's order, and every list it cuts says how many more and where they are. One generation, shared.
 */
class LargeForkShapeTest {
  @TempDir
  static Path tmp;

  private static String report;
  private static ReportShape shape;
  private static Path repo;
  private static Map<String, String> env;

  @BeforeAll
  static void generate() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = LargeFork.build(tmp, env);
    GenerateResult r = new GenerateReport().run(new GenerateRequest(repo, "-", GenerateRequest.Format.MD, true,
        null, env));
    report = r.rendered();
    shape = ReportShape.of(report);
    System.out.println("large generated fork: " + shape);
    // -Dlargefork.dump=FILE keeps the report for reading when a bound is missed.
    if (System.getProperty("largefork.dump") != null) {
      try {
        java.nio.file.Files.writeString(Path.of(System.getProperty("largefork.dump")), report);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void theReportStaysInTheLargeForkBounds() {
    shape.assertWithinLargeForkBounds();
  }

  /** The fixture is busy where the bounds bite: lists are cut, long bullets fold, conflicts and history show. */
  @Test
  void everySectionHasMoreToSayThanFits() {
    assertThat(report).contains("… and 58 more (JSON: `.facts[] | select(.id == \"happypath.flags\") | .value.paths`)")
        .contains("<summary>Executive Summary in full (")
        .contains("48 conflicts expected in")
        .contains("behind grew 100 → 160 over the last 5 recorded runs")
        .contains("Conflict risk in the 5 upstream files with the most fork edits (of 48)")
        .contains("Smokes: 11 passed, 3 failed")
        .contains("could not run: No module named `turbo_sdk_missing`");
    // The trends are measurements: a drift series wears no PASS badge, and its command lists the runs.
    assertThat(report).contains("- **WARN** Drift over runs: commits behind upstream, oldest to newest run: "
        + "100 → 120 → 140 → 150 → 160 (drifting: +60)");
    assertThat(report).contains("· `forkstate history --limit 10`").doesNotContain("sqlite3");
  }

  /**
   * forkstate's own report of a failing fork verifies with nothing FALSE, from the facts and with --run (which runs
   * the smokes the prose counts): every statement it makes is measured, and a negated ("does not exist") or
   * badge-qualified ("**FAIL** Smokes: 3 failed") mention is not a positive claim.
   */
  @Test
  void verifyOnTheOwnReportFindsNothingFalse() throws java.io.IOException {
    Path out = java.nio.file.Files.writeString(tmp.resolve("large-fork-report.md"), report);
    for (boolean run : new boolean[] {false, true}) {
      VerifyReport.Result r = new VerifyReport().run(new VerifyReport.Request(repo, out, false, run, null, env));
      if (System.getProperty("largefork.dump") != null) {
        java.nio.file.Files.writeString(Path.of(System.getProperty("largefork.dump") + (run ? ".verify-run.md"
            : ".verify.md")), r.rendered());
      }
      String falses = VerifyOwnReportTest.falseClaims(r);
      System.out.println("large generated fork, verify" + (run ? " --run" : "") + " FALSE claims:\n" + falses);
      assertThat(falses).as(run ? "with --run" : "from the facts").isEmpty();
      assertThat(r.claims()).anyMatch(c -> c.verdict() == Verdict.TRUE);
    }
  }
}
