package dev.forkstate.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.check.Finding;
import dev.forkstate.error.ExitCode;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure that started forkstate: "smokes green" for a test folder that was never committed. */
class ReferencesEndToEndTest {
  @TempDir
  Path tmp;

  @Test
  void greenSmokesFromAnUncommittedFolderAreNotAGreenReport() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init();
    g.write("forkstate.yml", "fork_branch: main\nsmokes:\n  - name: smokes\n    command: pytest -q tests/smoke\n"
        + "paths: [docs/dev/router_core_flag.md, local/scripts/router_core_perf.py, README.md]\n")
        .write("README.md", "x\n").commit("config");
    g.tag("v1");
    g.write("tests/smoke/test_ok.py", "def test_ok():\n    assert True\n"); // written, never committed

    GenerateResult r = new GenerateReport().run(new GenerateRequest(g.dir(), null, GenerateRequest.Format.MD, true,
        null, env));
    FactSet facts = new FactSet(r.report().facts());
    assertThat(facts.get(FactIds.smoke("smokes")).orElseThrow().status()).isEqualTo(Status.PASS);
    assertThat(facts.text(FactIds.ref("smoke", "tests/smoke"))).contains("untracked");
    assertThat(facts.get(FactIds.ref("config", "docs/dev/router-core-flag.md")).orElseThrow().status()).isEqualTo(Status.FAIL);
    assertThat(facts.get(FactIds.ref("config", "README.md")).orElseThrow().status()).isEqualTo(Status.PASS);
    Finding tracked = r.report().findings().stream().filter(f -> f.checkId().equals("smoke-paths-tracked"))
        .findFirst().orElseThrow();
    assertThat(tracked.status()).isEqualTo(Status.FAIL);
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECKS_NOT_PASSING);
    String md = Files.readString(g.dir().resolve("STATE_OF_PROJECT.md"));
    assertThat(md).contains("not passed:").contains("smoke-paths-tracked FAIL").contains("references-exist FAIL")
        .contains("`docs/dev/router_core_flag.md` does not exist");
  }

  @Test
  void partlyCommittedAndIgnoredPathsAreNamed() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = new GitScript(tmp.resolve("r2"), env, 0).init();
    g.write(".gitignore", "local/\n").write("tests/smoke/test_a.py", "def test_a():\n    assert True\n")
        .write("forkstate.yml", "paths: [local/notes.md]\nsmokes:\n  - {name: s, command: pytest -q tests/smoke}\n")
        .commit("c");
    g.write("tests/smoke/test_b.py", "def test_b():\n    assert True\n").write("local/notes.md", "n\n");
    GenerateResult r = new GenerateReport().run(new GenerateRequest(g.dir(), "-", GenerateRequest.Format.MD, true,
        null, env));
    FactSet facts = new FactSet(r.report().facts());
    assertThat(facts.text(FactIds.ref("smoke", "tests/smoke"))).contains("partly-committed");
    assertThat(facts.get(FactIds.ref("smoke", "tests-smoke")).orElseThrow().summary()).contains("1 file under it is not");
    assertThat(facts.text(FactIds.ref("config", "local-notes-md"))).contains("ignored");
  }
}
