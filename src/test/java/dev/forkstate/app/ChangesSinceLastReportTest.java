package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Executive Summary names what changed since the previous report, from the facts that report carries. */
class ChangesSinceLastReportTest {
  @TempDir
  Path tmp;

  @Test
  void aTestBreaksUpstreamMovesATagLandsThenTheTestIsFixed() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript[] both = Repos.fork(tmp, env);
    GitScript up = both[0];
    GitScript fork = both[1];
    fork.write("tests/smoke/test_core.py", "def test_core():\n    assert 1 + 1 == 2\n")
        .write("forkstate.yml", "smokes:\n  - name: smokes\n    command: pytest -q tests/smoke\n")
        .commit("smokes");
    Path report = fork.dir().resolve("STATE_OF_PROJECT.md");
    run(fork, env);
    assertThat(Files.readString(report)).contains("- Changes since the last report: none: this is the first report");

    String headBefore = fork.git("rev-parse", "HEAD").strip().substring(0, 12);
    fork.write("tests/smoke/test_core.py", "def test_core():\n    assert 1 + 1 == 3\n").commit("break it");
    fork.tag("v2");
    up.write("lib/d.py", "D = 1\n").commit("d");
    fork.git("fetch", "-q", "upstream");
    run(fork, env);
    String md = Files.readString(report);
    String headNow = fork.git("rev-parse", "HEAD").strip().substring(0, 12);
    assertThat(md).contains("- Changes since the last report:\n"
        + "  - newly failing: `tests/smoke/test_core.py::test_core`\n"
        + "  - fork commits ahead of upstream: 2 → 3 (+1)\n"
        + "  - commits behind upstream: 1 → 2 (+1)\n"
        + "  - new tag at HEAD: `v2`\n"
        + "  - HEAD: `" + headBefore + "` → `" + headNow + "`\n");
    assertThat(md).contains("  - `smoke.smokes`: PASS → FAIL\n");

    fork.write("tests/smoke/test_core.py", "def test_core():\n    assert 1 + 1 == 2\n").commit("fix it");
    run(fork, env);
    assertThat(Files.readString(report)).contains("  - fixed: `tests/smoke/test_core.py::test_core`\n")
        .contains("  - `smoke.smokes`: FAIL → PASS\n");
  }

  /**
   * The demo's report as forkstate wrote it before items were typed: its facts line lists items as Markdown
   * ("path `minillm/extras/cache.py`", "`(root)`: 1 commit"). Nothing changed in the repository, so nothing may read
   * as changed. FactChangesTest has the finer cases: a flag listed in Markdown, and the statuses `forkstate check`
   * compares.
   */
  @Test
  void aReportWrittenBeforeItemsWereTypedReadsAsUnchanged() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    Assumptions.assumeTrue(Stream.of(env.getOrDefault("PATH", "").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "node"))), "node is not installed: the demo's old report ran it");
    Path demo = DemoProject.build(tmp.resolve("demo"), env);
    String old = Files.readString(Path.of("src/test/resources/golden/demo/before-typed-items.md"));
    assertThat(old).contains("\"path `minillm/extras/cache.py`\"").contains("\"`(root)`: 1 commit\"");
    Path report = demo.resolve("STATE_OF_PROJECT.md");
    Files.writeString(report, old);
    new GenerateReport().run(new GenerateRequest(demo, null, GenerateRequest.Format.MD, false, null, env));
    // The changes are the facts added since (the upstream base tag, the credentials and test-only settings, the
    // declared dependencies, the tests' imports, the superseded commits, reverted merges, committed secrets) and the
    // trend chart, which a run writing the file draws and the old (stdout) run did not.
    assertThat(Files.readString(report)).contains("- Changes since the last report:\n"
        + "  - newly measured: `git.tags.upstream-base` INFO\n"
        + "  - newly measured: `history.chart` INFO\n"
        + "  - newly measured: `python.credentials` INFO\n"
        + "  - newly measured: `python.declared-dependencies` INFO\n"
        + "  - newly measured: `python.test-imports` INFO\n"
        + "  - newly measured: `python.test-only-settings` INFO\n"
        + "  - newly measured: `upstream.patches.superseded` INFO\n"
        + "  - newly measured: `upstream.reverted-merges` INFO\n"
        + "  - newly measured: `upstream.secrets` PASS\n\n<details><summary>Checks that pass (");
  }

  private static void run(GitScript repo, Map<String, String> env) {
    new GenerateReport().run(new GenerateRequest(repo.dir(), null, GenerateRequest.Format.MD, true, null, env));
  }
}
