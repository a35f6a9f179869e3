package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real pytest: every pytest run in a smoke command has its own report and all of them are counted. */
class SmokeRunsTest {
  @TempDir
  static Path tmp;

  static Map<String, String> env;
  static Path repo;

  @BeforeAll
  static void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = Repos.python(tmp.resolve("repo"), env, Map.of(
        "tests/bad/test_bad.py", "def test_bad():\n    assert 1 == 2, 'one is not two'\n",
        "tests/a/test_a.py", "def test_a():\n    assert True\n",
        "tests/b/test_b.py", "def test_b1():\n    assert True\n\ndef test_b2():\n    assert True\n")).dir();
  }

  private static Fact smoke(String command) {
    String yaml = "happypath:\n  determinism_runs: 1\nsmokes:\n  - name: smokes\n    command: '"
        + command.replace("'", "''") + "'\n";
    return Collecting.run(new SmokeCollector(), repo, yaml, env, true).get("smoke.smokes").orElseThrow();
  }

  private static Value.Tests tests(Fact f) {
    return (Value.Tests) f.value();
  }

  @Test
  void twoGreenRunsArePassWithTheSumOfTheirCounts() {
    Fact f = smoke("pytest -q tests/a; pytest -q tests/b");
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(tests(f).passed()).isEqualTo(3);
    assertThat(tests(f).outcomes()).containsKeys("tests/a/test_a.py::test_a", "tests/b/test_b.py::test_b2");
  }

  @Test
  void aFailingFirstRunInALoopIsFailEvenWhenTheLastRunPassed() {
    Fact f = smoke("for d in tests/bad tests/b; do pytest -q $d; done");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).isEqualTo("2 passed, 1 failed, 0 errors, 0 skipped");
    assertThat(f.reason()).startsWith("run 1 of 2 failed: ");
    Fact green = smoke("for d in tests/a tests/b; do pytest -q $d; done");
    assertThat(green.status()).isEqualTo(Status.PASS);
    assertThat(tests(green).passed()).isEqualTo(3);
  }

  @Test
  void orTrueDoesNotHideAFailingRun() {
    Fact f = smoke("pytest -q tests/bad || true");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(tests(f).failed()).isEqualTo(1);
  }

  @Test
  void andStopsAfterAFailingFirstRun() {
    Fact f = smoke("pytest -q tests/bad && pytest -q tests/b");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(tests(f).failed()).isEqualTo(1);
  }

  /** An exit status without failed tests in an earlier run (no tests collected) is not hidden either. */
  @Test
  void aFirstRunThatCollectedNothingIsFail() {
    Fact f = smoke("pytest -q tests/a -k nosuchtest; pytest -q tests/b");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).startsWith("run 1 of 2: pytest collected no tests (exit 5)");
  }

  /** A run without a report leaves the counts unknown, naming the run; never PASS from the other run's counts. */
  @Test
  void aRunThatWroteNoReportIsUnknownAndNamed() {
    Fact f = smoke("pytest -q tests/a; pytest -q -p no:junitxml tests/b");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).startsWith("run 2 of 2 wrote no JUnit XML report (pytest exit 0)");
    assertThat(f.value()).isEqualTo(Value.none());
  }

  /** The user's own --junitxml is written where they asked, and it is the report forkstate reads. */
  @Test
  void theUsersOwnJunitXmlStillWorksAndIsRead() {
    Fact f = smoke("pytest -q --junitxml=build/own.xml tests/b");
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(tests(f).passed()).isEqualTo(2);
    assertThat(repo.resolve("build/own.xml")).exists();
  }

  /** A command that sets PYTHONPATH itself still loads the plugin (the shims put it back), with python -m too. */
  @Test
  void aCommandThatSetsItsOwnPythonPathIsStillCounted() {
    Fact f = smoke("PYTHONPATH=$(pwd) pytest -q tests/a; PYTHONPATH=$(pwd) python3 -m pytest -q tests/b");
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(tests(f).passed()).isEqualTo(3);
  }

  /** A pytest run that the tests themselves start is not a run of the smoke command. */
  @Test
  void pytestRunsStartedByTheTestsAreNotCounted() {
    Path nested = Repos.python(tmp.resolve("nested"), env, Map.of("tests/inner/test_inner.py",
        "def test_inner():\n    assert False\n", "tests/outer/test_outer.py",
        "import subprocess, sys\n\ndef test_outer():\n    subprocess.call([sys.executable, '-m', 'pytest', '-q', "
            + "'tests/inner'])\n")).dir();
    String yaml = "happypath:\n  determinism_runs: 1\nsmokes:\n  - name: smokes\n    command: pytest -q tests/outer\n";
    Fact f = Collecting.run(new SmokeCollector(), nested, yaml, env, true).get("smoke.smokes").orElseThrow();
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(tests(f).passed()).isEqualTo(1);
    assertThat(tests(f).failed()).isZero();
  }
}
