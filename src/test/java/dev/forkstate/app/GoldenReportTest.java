package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden reports: a fixed recipe builds a real repository (pinned dates, so pinned shas), forkstate writes its
 * report twice, and both must equal src/test/resources/golden/CASE/expected.md byte for byte, with the expected
 * exit code. Run with -Dgolden.update=true to rewrite the files, then review the diff.
 */
class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir
  Path tmp;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("demo", (BiFunction<Path, Map<String, String>, Path>) DemoProject::build),
        Arguments.of("broken", (BiFunction<Path, Map<String, String>, Path>) GoldenReportTest::broken));
  }

  /** Everything a report should catch: wrong branch, no tag, no upstream, a failing and a skipped test, an
   * uncommitted test file, a cited path that does not exist, a dirty tree. */
  static Path broken(Path root, Map<String, String> env) {
    GitScript g = new GitScript(root.resolve("broken"), env, 0).init();
    g.write("pkg/__init__.py", "VALUE = 2\n")
        .write("tests/smoke/test_core.py", "from pkg import VALUE\n\n\ndef test_value():\n    assert VALUE == 3, "
            + "'VALUE drifted'\n\n\ndef test_ok():\n    assert True\n")
        .write("tests/smoke/test_gateway.py", "import pytest\n\n\n@pytest.mark.skip(reason='gateway needs a "
            + "running proxy')\ndef test_gateway():\n    pass\n")
        .write("forkstate.yml", "project: broken fork\nfork_branch: fork/stable\nsmokes:\n  - name: smokes\n"
            + "    command: PYTHONPATH=$(pwd) pytest -q tests/smoke\npaths: [docs/dev/router_core_flag.md]\n")
        .commit("broken fork");
    g.write("tests/smoke/test_new.py", "def test_new():\n    assert True\n");
    g.write("pkg/__init__.py", "VALUE = 2  # edited\n");
    return g.dir();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportMatchesTheGoldenFile(String name, BiFunction<Path, Map<String, String>, Path> recipe) throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    if (name.equals("demo")) {
      // The demo's Node gateway test runs where node is installed and skips elsewhere: the golden has it run.
      Assumptions.assumeTrue(onPath(env, "node"), "node is not installed");
    }
    Path repo = recipe.apply(tmp.resolve("case"), env);
    GenerateResult first = new GenerateReport().run(new GenerateRequest(repo, "-", GenerateRequest.Format.MD,
        false, null, env));
    GenerateResult second = new GenerateReport().run(new GenerateRequest(repo, "-", GenerateRequest.Format.MD,
        false, null, env));
    assertThat(second.rendered()).isEqualTo(first.rendered());

    Path expectedMd = GOLDEN.resolve(name).resolve("expected.md");
    Path expectedExit = GOLDEN.resolve(name).resolve("expected-exit");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedMd, first.rendered(), StandardCharsets.UTF_8);
      Files.writeString(expectedExit, first.exitCode().code() + "\n", StandardCharsets.UTF_8);
    }
    assertThat(first.rendered()).isEqualTo(Files.readString(expectedMd, StandardCharsets.UTF_8));
    assertThat(first.exitCode().code()).isEqualTo(Integer.parseInt(Files.readString(expectedExit).strip()));
  }

  private static boolean onPath(Map<String, String> env, String program) {
    return Stream.of(env.getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
