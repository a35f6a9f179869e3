package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `init` proposes as ci.workflow the workflow that runs the smoke on a push, not the one named *smoke*. */
class InitWorkflowChoiceTest {
  @TempDir Path tmp;

  private static final String SMOKE_STEP = "      - run: PYTHONPATH=$(pwd) pytest -q tests/smoke\n";

  private GitScript fork(String name) {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = new GitScript(tmp.resolve(name), env, 0).init();
    g.git("switch", "-q", "-c", "fork/stable");
    return g.write("tests/smoke/test_a.py", "def test_a():\n    pass\n");
  }

  private String init(GitScript g) throws Exception {
    Path file = new InitConfig().run(g.dir(), false, TestEnv.isolated(tmp.resolve("home")));
    return Files.readString(file);
  }

  @Test
  void aReusableWorkflowIsReplacedByItsCallerThatPushesTrigger() throws Exception {
    GitScript g = fork("reusable")
        .write(".github/workflows/ci.yml", "on:\n  push:\n    branches: [fork/stable]\njobs:\n  smokes:\n"
            + "    uses: ./.github/workflows/fork-smokes.yml\n")
        .write(".github/workflows/fork-smokes.yml", "on: workflow_call\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
            + "    steps:\n" + SMOKE_STEP)
        .write(".github/workflows/smoke-docs.yml", "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n"
            + "    steps:\n      - run: mkdocs build\n");
    g.commit("fork");
    assertThat(init(g)).contains("  # Picked: .github/workflows/fork-smokes.yml runs the smoke command; it is a "
        + "reusable workflow, so its caller .github/workflows/ci.yml (job smokes), which a push to fork/stable "
        + "triggers, is the run to watch.\n  workflow: \".github/workflows/ci.yml\"\n");
  }

  @Test
  void theWorkflowThatRunsTheSmokeWinsOverOneNamedSmoke() throws Exception {
    GitScript g = fork("direct")
        .write(".github/workflows/tests.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
            + SMOKE_STEP)
        .write(".github/workflows/smoke-lint.yml", "on: push\njobs:\n  l:\n    runs-on: ubuntu-latest\n"
            + "    steps:\n      - run: ruff check .\n");
    g.commit("fork");
    assertThat(init(g)).contains("  # Picked: .github/workflows/tests.yml runs the smoke command on a push to "
        + "fork/stable.\n  workflow: \".github/workflows/tests.yml\"\n");
  }

  /**
   * A real instructor fork: its weekly evals workflow lists a push with {@code paths-ignore: ['**']} (only the
   * schedule runs it) and was picked over the test workflow that pushes do run.
   */
  @Test
  void aWorkflowThatNoPushRunsIsNotPicked() throws Exception {
    GitScript g = fork("ignoreall")
        .write("pkg/__init__.py", "")
        .write(".github/workflows/evals.yml", "on:\n  schedule:\n    - cron: '0 0 * * 0'\n  push:\n"
            + "    branches: [fork/stable]\n    paths-ignore:\n      - '**'\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
            + "    steps:\n" + SMOKE_STEP)
        .write(".github/workflows/tests.yml", "on:\n  push:\n    branches: [fork/stable]\njobs:\n  t:\n"
            + "    runs-on: ubuntu-latest\n    steps:\n      - run: uv run pytest tests/ -k 'not llm'\n");
    g.commit("fork");
    String yml = init(g);
    assertThat(yml).doesNotContain("workflow: \".github/workflows/evals.yml\"");
  }

  /**
   * A workflow that tests Python 3.9 to 3.11 only: the proposed job is its newest, said so, not the default 3.12
   * it never runs (a real fork's first report failed "no job for Python 3.12" on a default init wrote).
   */
  @Test
  void theRequiredJobIsAPythonTheWorkflowTests() throws Exception {
    GitScript g = fork("versions")
        .write(".github/workflows/tests.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
            + "    strategy:\n      matrix:\n        python-version: ['3.9', '3.10', '3.11']\n    steps:\n"
            + "      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python-version }}\n"
            + SMOKE_STEP);
    g.commit("fork");
    assertThat(init(g)).contains("  # The workflow tests Python 3.9, 3.10, 3.11, not 3.12: the newest it tests is "
        + "proposed; set job: \"3.12\" once it runs 3.12.\n  job: \"3.11\"");

    GitScript with312 = fork("with312")
        .write(".github/workflows/tests.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
            + "    strategy:\n      matrix:\n        python: [\"3.11\", \"3.12\"]\n    steps:\n" + SMOKE_STEP);
    with312.commit("fork");
    assertThat(init(with312)).contains("\n  job: \"3.12\"   # the job").doesNotContain("The workflow tests Python");
  }

  @Test
  void testedPythonsAreTheLiteralVersionsOfJobsAndCalls() throws Exception {
    var wf = dev.forkstate.collect.ci.WorkflowFile.parse("ci.yml", "on: push\njobs:\n"
        + "  a:\n    strategy:\n      matrix:\n        py: ['3.10', 'pypy-3.9']\n        os: [ubuntu-24.04]\n"
        + "        exclude:\n          - py: '3.8'\n"
        + "  b:\n    uses: ./.github/workflows/r.yml\n    with:\n      python_versions: '[\"3.12\", \"3.13\"]'\n"
        + "  c:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n"
        + "          python-version: ${{ inputs.v }}\n");
    assertThat(dev.forkstate.collect.ci.TestedPythons.in(java.util.List.of(wf)))
        .containsExactly("3.9", "3.10", "3.12", "3.13");
  }
}
