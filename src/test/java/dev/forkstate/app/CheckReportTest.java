package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.error.ExitCode;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `forkstate check` compares what the reader sees, reads the report whole, and is not fooled by its own files. */
class CheckReportTest {
  @TempDir
  Path tmp;

  Map<String, String> env;
  GitScript repo;
  Path report;
  GenerateRequest req;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("r"), env, 0).init();
    repo.write("a.txt", "a\n").commit("c");
    report = repo.dir().resolve("STATE_OF_PROJECT.md");
    req = new GenerateRequest(repo.dir(), null, GenerateRequest.Format.MD, true, null, env);
  }

  private void generateAndCommitTheReportOnly() {
    new GenerateReport().run(req);
    new GenerateReport().run(req); // the second run draws the trend chart
    repo.git("add", "STATE_OF_PROJECT.md");
    repo.git("commit", "-q", "-m", "report");
  }

  @Test
  void itsOwnChartAndBackupDoNotMakeTheReportStale() throws Exception {
    generateAndCommitTheReportOnly();
    assertThat(repo.dir().resolve("STATE_OF_PROJECT.trend.svg")).exists(); // untracked, beside the report
    CheckReport.Result r = new CheckReport().run(req, "STATE_OF_PROJECT.md");
    assertThat(r.differences()).isEmpty();
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
  }

  @Test
  void aStatusEditedByHandIsStaleNotCurrent() throws Exception {
    generateAndCommitTheReportOnly();
    String md = Files.readString(report);
    assertThat(md).contains("- **FAIL** Tag:");
    Files.writeString(report, md.replace("- **FAIL** Tag:", "- **PASS** Tag:"));
    repo.git("commit", "-q", "-am", "looks better");
    CheckReport.Result r = new CheckReport().run(req, "STATE_OF_PROJECT.md");
    assertThat(r.exit()).isEqualTo(ExitCode.CHECKS_NOT_PASSING);
    assertThat(r.differences()).anyMatch(d -> d.startsWith("section executive-summary: edited by hand"));
    assertThat(r.message()).contains("is stale");
  }

  @Test
  void aLongReportIsReadWhole() throws Exception {
    generateAndCommitTheReportOnly();
    String notes = "Our notes\n\n" + ("- a line of notes that the team keeps above the report, and keeps long\n")
        .repeat(4500);
    assertThat(notes.length()).isGreaterThan(300 * 1024);
    Files.writeString(report, notes + "\n" + Files.readString(report));
    repo.git("commit", "-q", "-am", "long notes");
    CheckReport.Result r = new CheckReport().run(req, "STATE_OF_PROJECT.md"); // before: "carries no forkstate facts"
    assertThat(r.differences()).isEmpty();
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
  }

  /**
   * Trial 2: a report generated with --offline, committed, then `forkstate check` (online by default) said "stale":
   * ci.run.* SKIPPED in the report, UNKNOWN now, though nothing changed. The network facts an offline report did not
   * measure are not compared; the message says so and how to compare them.
   */
  @Test
  void anOfflineReportCheckedOnlineIsNotStaleForTheNetworkFactsItSkipped() throws Exception {
    repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
        + "    steps:\n      - run: pytest -q tests\n").commit("ci");
    generateAndCommitTheReportOnly();
    assertThat(Files.readString(report)).contains("\"ci.run.last-push\":{\"s\":\"SKIPPED\"");
    GenerateRequest online = new GenerateRequest(repo.dir(), null, GenerateRequest.Format.MD, false, null, env);
    CheckReport.Result r = new CheckReport().run(online, "STATE_OF_PROJECT.md");
    assertThat(r.differences()).isEmpty();
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.message()).contains("is current").contains("made offline").contains("ci.run.last-push")
        .contains("forkstate check --offline");
  }

  /**
   * The flow the report advises: commit the config, generate, commit the report, push, check. The config commit was
   * unpushed when the report was written ("1 unpushed commit", WARN) and is pushed with the report: that alone made
   * `check` say stale on a real fork.
   */
  @Test
  void pushingTheReportWithTheCommitsBeforeItIsNotStale() throws Exception {
    GitScript origin = new GitScript(tmp.resolve("origin.git"), env, 0);
    repo.git("init", "-q", "--bare", origin.dir().toString());
    repo.git("remote", "add", "origin", origin.dir().toString());
    repo.git("push", "-q", "-u", "origin", "HEAD");
    repo.write("forkstate.yml", "project: r\n").commit("forkstate config");
    generateAndCommitTheReportOnly();
    assertThat(Files.readString(report)).contains("\"git.tracking.ahead\":{\"s\":\"WARN\"");
    repo.git("push", "-q", "origin", "HEAD");
    CheckReport.Result r = new CheckReport().run(req, "STATE_OF_PROJECT.md");
    assertThat(r.differences()).isEmpty();
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
  }
}
