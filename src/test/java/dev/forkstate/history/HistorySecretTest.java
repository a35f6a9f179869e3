package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.cli.Main;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret in a test id or failure message never reaches the history database or forkstate diff. */
class HistorySecretTest {
  private static final String CANARY = "sk-canary123456789";

  @TempDir
  Path tmp;

  @Test
  void aCanaryInAParametrizedTestIdIsRedactedBeforeItIsStored() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    env.put("FORKSTATE_TEST_API_KEY", CANARY);
    String test = "import pytest\n\n\n@pytest.mark.parametrize(\"key\", [\"" + CANARY + "\"])\n"
        + "def test_key(key):\n    assert key == %s\n";
    GitScript repo = Repos.python(tmp.resolve("repo"), env, Map.of(
        "tests/smoke/test_key.py", test.formatted("\"other\""),
        "forkstate.yml", "smokes:\n  - name: smokes\n    command: PYTHONPATH=$(pwd) python3 -m pytest -q tests/smoke\n"
            + "happypath: {determinism_runs: 1}\n",
        ".gitignore", "STATE_OF_PROJECT*\n"));
    generate(repo, env);
    repo.write("tests/smoke/test_key.py", test.formatted("\"" + CANARY + "\"")).commit("fix the test");
    generate(repo, env);

    Path db = repo.dir().resolve(".forkstate/history.db");
    try (HistoryStore store = HistoryStore.open(db, Redactor.none())) {
      List<HistoryStore.Run> runs = store.recent(10);
      assertThat(runs).hasSize(2);
      // The first run failed with the canary in both the id and the message: both are stored, masked.
      assertThat(runs.get(1).facts()).contains("test_key[" + Redactor.MASK + "]").contains("AssertionError");
    }
    try (Stream<Path> files = Files.list(db.getParent())) {
      for (Path f : files.toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
            .doesNotContain(CANARY);
      }
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), env, "diff", "--repo", repo.dir().toString(),
        "1", "2");
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("- fixed: `tests/smoke/test_key.py::test_key[" + Redactor.MASK + "]`")
        .doesNotContain(CANARY);
    assertThat(err.toString()).doesNotContain(CANARY);
  }

  private static void generate(GitScript repo, Map<String, String> env) {
    new GenerateReport().run(new GenerateRequest(repo.dir(), null, GenerateRequest.Format.MD, true, null, env));
  }
}
