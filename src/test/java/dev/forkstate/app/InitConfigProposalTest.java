package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.detect.ProjectDetector;
import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.Detected;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `forkstate init` proposes: the prompt naming the upstream, and the smoke step with the rule that chose it. */
class InitConfigProposalTest {
  @TempDir Path tmp;

  private static Detected detected(String upstream, List<String> smokeDirs) {
    return new Detected("r", "main", List.of("main"), List.of(), List.of(), List.of(), smokeDirs, List.of(),
        Map.of(), upstream);
  }

  private static String render(Detected d, List<String> addedTestFolders) {
    String yaml = InitConfig.render(d, new InitConfig.Additions(List.of(), addedTestFolders));
    new ConfigLoader().parse(yaml, ConfigLoader.FILE_NAME);
    return yaml;
  }

  @Test
  void promptNamesTheUpstreamAndKeepsTheSeedForLiteLlm() {
    assertThat(render(detected("celery", List.of()), List.of())).contains("assessment_prompt: \"With blunt "
        + "criticalal expert-level honest assessment, How does our fork compare with with the original celery\"");
    assertThat(render(detected("litellm", List.of()), List.of())).contains("with with the original litellm\"");
    assertThat(render(detected(null, List.of()), List.of())).contains("with with the original litellm\"",
        "not found: no upstream remote URL or pyproject name");
  }

  @Test
  void smokeIsTheForksSmokeFolderFirst() {
    assertThat(render(detected(null, List.of("t/smoke", "t")), List.of("t/fork/"))).contains(
        "# Picked: the fork's smoke folder.\nsmokes:\n  - name: \"smokes\"\n"
            + "    command: \"PYTHONPATH=$(pwd) pytest -q t/smoke\"\n");
  }

  @Test
  void elseTheTestFoldersTheForkAdded() {
    assertThat(render(detected(null, List.of("t")), List.of("t/fork/", "t/extras/"))).contains(
        "# Picked: test folders the fork added since the merge-base with upstream.\n",
        "command: \"PYTHONPATH=$(pwd) pytest -q t/fork t/extras\"");
  }

  @Test
  void elseTheWholeTestFolder() {
    assertThat(render(detected(null, List.of("testing")), List.of())).contains(
        "# Picked: the whole test folder", "command: \"PYTHONPATH=$(pwd) pytest -q testing\"");
    assertThat(render(detected(null, List.of()), List.of())).contains("# smokes:\n");
  }

  @Test
  void detectsTestFoldersNamedTAndTestAndTheUpstreamRemoteName() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript up = new GitScript(tmp.resolve("celery.git"), env, 0).init();
    up.write("t/unit/test_a.py", "def test_a():\n    pass\n").commit("upstream");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.write("t/smoke/test_b.py", "def test_b():\n    pass\n").write("test/test_c.py", "x = 1\n").commit("fork");
    CommandRunner runner = new CommandRunner(env, Redactor.fromEnvironment(env));
    Detected d = ProjectDetector.detect(fork.dir(), new GitCli(fork.dir(), runner), Runnable::run);
    assertThat(d.smokeDirs()).containsExactly("t/smoke", "t", "test");
    assertThat(d.upstreamName()).isEqualTo("celery");
  }

  /**
   * A real LiteLLM fork edited two upstream test modules and nothing else under tests/: init proposed the whole
   * tests/ folder (thousands of upstream tests, many needing provider keys). The test modules the fork touched are
   * the smoke; conftest.py and helpers are no test modules to name.
   */
  @Test
  void elseTheTestModulesTheForkChangedNotTheWholeUpstreamSuite() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript up = new GitScript(tmp.resolve("litellm.git"), env, 0).init();
    up.write("tests/llms/test_openai.py", "def test_a():\n    pass\n")
        .write("tests/llms/test_gemini.py", "def test_b():\n    pass\n")
        .write("tests/proxy/test_proxy.py", "def test_c():\n    pass\n")
        .write("tests/conftest.py", "").write("pkg/__init__.py", "").commit("upstream");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.write("tests/llms/test_openai.py", "def test_a():\n    pass\n\ndef test_video():\n    pass\n")
        .write("tests/llms/test_gemini.py", "def test_b():\n    assert True\n")
        .write("tests/conftest.py", "X = 1\n").write("pkg/__init__.py", "Y = 2\n").commit("fork: video_url");
    String yaml = java.nio.file.Files.readString(new InitConfig().run(fork.dir(), false, env));
    assertThat(yaml).contains("# Picked: the test modules the fork added or changed since the merge-base with "
        + "upstream (no smoke folder, no new test folder).\n",
        "command: \"PYTHONPATH=$(pwd) pytest -q tests/llms/test_gemini.py tests/llms/test_openai.py\"");
  }
}
