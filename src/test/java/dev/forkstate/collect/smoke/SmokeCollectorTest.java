package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real pytest runs against real repositories: every way a smoke can fail must be FAIL or UNKNOWN, never PASS. */
class SmokeCollectorTest {
  @TempDir
  Path tmp;

  Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
  }

  /** One run per smoke: these tests judge a single run; determinism (two runs) has its own tests. */
  private Fact smoke(Path repo, String command, String extra) {
    String yaml = "happypath:\n  determinism_runs: 1\nsmokes:\n  - name: smokes\n    command: '"
        + command.replace("'", "''") + "'\n" + extra;
    FactSet facts = Collecting.run(new SmokeCollector(), repo, yaml, env, true);
    return facts.get("smoke.smokes").orElseThrow();
  }

  private Path repo(Map<String, String> files) {
    return Repos.python(tmp.resolve("repo"), env, files).dir();
  }

  @Test
  void passingSuiteIsPassWithCountsAndSkipReason() {
    Path repo = repo(Map.of(
        "tests/smoke/test_ok.py", "from pkg import VALUE\n\ndef test_a():\n    assert VALUE == 2\n\n"
            + "def test_b():\n    assert True\n",
        "tests/smoke/test_node.py", "import pytest\n\n@pytest.mark.skip(reason='node not installed')\n"
            + "def test_gateway():\n    pass\n"));
    Fact f = smoke(repo, "PYTHONPATH=$(pwd) pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.PASS);
    Value.Tests t = (Value.Tests) f.value();
    assertThat(t.passed()).isEqualTo(2);
    assertThat(t.skipped()).isEqualTo(1);
    assertThat(t.notable()).singleElement().satisfies(tc -> {
      assertThat(tc.id()).isEqualTo("tests/smoke/test_node.py::test_gateway");
      assertThat(tc.outcome()).isEqualTo("skipped");
      assertThat(tc.message()).isEqualTo("node not installed");
    });
    assertThat(f.command()).isEqualTo("PYTHONPATH=$(pwd) pytest -q tests/smoke");
    // pytest's cache and bytecode are switched off: the run leaves the tree as it found it.
    assertThat(repo.resolve(".pytest_cache")).doesNotExist();
    assertThat(repo.resolve("tests/smoke/__pycache__")).doesNotExist();
  }

  @Test
  void failingTestIsFailWithItsFirstMessageLines() {
    Path repo = repo(Map.of("tests/smoke/test_bad.py", "def test_bad():\n    assert 1 == 2, 'one is not two'\n"));
    Fact f = smoke(repo, "pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    Value.Tests t = (Value.Tests) f.value();
    assertThat(t.failed()).isEqualTo(1);
    assertThat(t.notable().get(0).message()).contains("one is not two");
  }

  /** "pytest a; pytest b": each run has its own report, so the failing first run is seen behind the green one. */
  @Test
  void twoPytestRunsInOneCommandAreNeverPassFromTheLastRunAlone() {
    Path repo = repo(Map.of("tests/a/test_bad.py", "def test_bad():\n    assert False\n",
        "tests/b/test_ok.py", "def test_ok():\n    assert True\n"));
    Fact f = smoke(repo, "pytest -q tests/a; pytest -q tests/b", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).isEqualTo("1 passed, 1 failed, 0 errors, 0 skipped");
    assertThat(f.reason()).startsWith("run 1 of 2 failed: ");
    // Joined with &&, the failing first run stops the line: the shell's exit says FAIL.
    assertThat(smoke(repo, "pytest -q tests/a && pytest -q tests/b", "").status()).isEqualTo(Status.FAIL);
  }

  /** A machine without the project's dependencies measured nothing about the fork: UNKNOWN naming the modules. */
  @Test
  void missingDependenciesAreUnknownNotTheForksFailure() {
    Path repo = repo(Map.of("tests/smoke/test_dep.py", "import notinstalledpkg\n\ndef test_a():\n    pass\n",
        "tests/smoke/test_dep2.py", "from otherdep.sub import x\n\ndef test_b():\n    pass\n"));
    Fact f = smoke(repo, "pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.summary()).isEqualTo("could not run: No module named notinstalledpkg (not declared by the project), "
        + "otherdep (not declared by the project); install it");
    // Not measured: the line names the interpreter that lacks them.
    assertThat(f.reason()).contains("; ran with ").contains(", from PATH)");
    // The same through a conftest that does not import (pytest exit 4).
    Path conf = Repos.python(tmp.resolve("conf"), env, Map.of("tests/smoke/conftest.py", "import notinstalledpkg\n",
        "tests/smoke/test_ok.py", "def test_ok():\n    pass\n")).dir();
    assertThat(smoke(conf, "pytest -q tests/smoke", "").status()).isEqualTo(Status.UNKNOWN);
  }

  /**
   * Found on a celery fork without its dependencies: a conftest importing kombu stopped pytest (exit 4). The
   * project declares kombu, so the line says where: that is what to install.
   */
  @Test
  void aMissingDeclaredDependencyNamesWhereTheProjectDeclaresIt() {
    Path conf = Repos.python(tmp.resolve("declared"), env, Map.of("pyproject.toml", "[project]\nname = 'pkg'\n"
        + "dependencies = ['kombu>=5.6']\n[project.optional-dependencies]\nredis = ['redis>=4']\n",
        "tests/smoke/conftest.py", "import kombu\n", "tests/smoke/test_ok.py", "def test_ok():\n    pass\n")).dir();
    Fact f = smoke(conf, "pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.summary()).isEqualTo("could not run: No module named kombu (declared in pyproject.toml; install "
        + "the project's dependencies)");
    // At collection, through the fork's own package, of an extra: still the machine's, named with its extra.
    Path extra = Repos.python(tmp.resolve("extra"), env, Map.of("pyproject.toml", "[project]\nname = 'pkg'\n"
        + "[project.optional-dependencies]\nredis = ['redis>=4']\n", "pkg/cache.py", "import redis\n",
        "tests/smoke/test_cache.py", "from pkg import cache\n\ndef test_a():\n    pass\n")).dir();
    assertThat(smoke(extra, "PYTHONPATH=$(pwd) pytest -q tests/smoke", "").summary()).isEqualTo("could not run: No module named "
        + "redis (declared in pyproject.toml, extra redis; install the project's dependencies)");
    // A setup.py that computes its lists is said unread: kombu is then "not declared in the files read".
    Path computed = Repos.python(tmp.resolve("computed"), env, Map.of("setup.py", "import setuptools\n"
        + "setuptools.setup(name='pkg', install_requires=reqs('default.txt'))\n",
        "tests/smoke/test_dep.py", "import kombu\n\ndef test_a():\n    pass\n")).dir();
    Fact c = smoke(computed, "pytest -q tests/smoke", "");
    assertThat(c.status()).isEqualTo(Status.UNKNOWN);
    assertThat(c.summary()).isEqualTo("could not run: No module named kombu (not declared in the files forkstate "
        + "could read; setup.py: computed: install_requires=reqs('default.txt'); install it)");
    // A malformed pyproject.toml stops pytest itself before any test: that is the fork's file, a FAIL saying so.
    Path broken = Repos.python(tmp.resolve("broken"), env, Map.of("pyproject.toml", "[project\n",
        "tests/smoke/test_dep.py", "import kombu\n\ndef test_a():\n    pass\n")).dir();
    Fact b = smoke(broken, "pytest -q tests/smoke", "");
    assertThat(b.status()).isEqualTo(Status.FAIL);
    assertThat(b.summary()).contains("pyproject.toml: Expected ']'");
  }

  /** A module the fork itself should provide and does not is the fork's failure. */
  @Test
  void aMissingModuleOfTheForksOwnPackageIsFail() {
    Path repo = repo(Map.of("tests/smoke/test_own.py", "from pkg.missing_part import x\n\ndef test_a():\n    pass\n"));
    Fact f = smoke(repo, "PYTHONPATH=$(pwd) pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).isEqualTo("the fork's own module is missing: E   ModuleNotFoundError: No module named "
        + "'pkg.missing_part'");
    // The whole package not importable (not installed, not on the path) is the machine's: it is in the repository.
    Fact notInstalled = smoke(repo, "pytest -q tests/smoke", "");
    assertThat(notInstalled.status()).isEqualTo(Status.UNKNOWN);
    assertThat(notInstalled.summary()).isEqualTo("could not run: No module named pkg (the project's own package: in "
        + "the repository, not importable here; install the project (pip install -e .))");
  }

  /** Real test failures stay FAIL even when another test file could not import a dependency. */
  @Test
  void aRealFailureBesideAMissingDependencyIsFail() {
    Path repo = repo(Map.of("tests/smoke/test_dep.py", "import notinstalledpkg\n",
        "tests/smoke/test_bad.py", "def test_bad():\n    assert 1 == 2\n"));
    assertThat(smoke(repo, "pytest -q tests/smoke --continue-on-collection-errors", "").status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void pytestNotInstalledIsUnknownAndAnotherMissingProgramIsFail() {
    assertThat(SmokeCollector.notFound("pyenv: pytest: command not found\n")).isEqualTo("pytest");
    assertThat(SmokeCollector.notFound("sh: 1: /usr/bin/py.test: not found")).isEqualTo("py.test");
    assertThat(SmokeCollector.notFound("bash: line 1: ./run_smokes.sh: No such file")).isEmpty();
    Path repo = repo(Map.of("README.md", "x\n"));
    Fact f = smoke(repo, "nosuchpytestwrapper-xyz tests", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    Map<String, String> noPytest = new java.util.HashMap<>(env);
    noPytest.put("PATH", "/nonexistent");
    Fact missing = Collecting.run(new SmokeCollector(), repo, "smokes:\n  - name: smokes\n    command: pytest -q\n",
        noPytest, true).get("smoke.smokes").orElseThrow();
    assertThat(missing.status()).isEqualTo(Status.UNKNOWN);
    assertThat(missing.summary()).contains("pytest is not installed here");
  }

  @Test
  void noTestsCollectedIsFail() {
    Path repo = repo(Map.of("tests/smoke/helper.py", "X = 1\n"));
    Fact f = smoke(repo, "pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.reason()).contains("no tests (exit 5)");
  }

  @Test
  void missingTestPathIsFail() {
    Path repo = repo(Map.of("README.md", "x\n"));
    Fact f = smoke(repo, "pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.reason()).contains("exit 4");
  }

  @Test
  void commandNotFoundIsFail() {
    Path repo = repo(Map.of("README.md", "x\n"));
    Fact f = smoke(repo, "no-such-test-runner-xyz --all", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.reason()).startsWith("command not found");
  }

  @Test
  void allSkippedIsFailBecauseNoTestRan() {
    Path repo = repo(Map.of("tests/smoke/test_s.py",
        "import pytest\n\n@pytest.mark.skip(reason='nope')\ndef test_s():\n    pass\n"));
    Fact f = smoke(repo, "pytest -q tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.reason()).isEqualTo("no test ran");
    // The PATH's python is in the evidence, not in the line: the line reads the same on every machine.
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e.command()).endsWith("--version"));
  }

  @Test
  void hangingSmokeIsKilledWithItsChildrenAtTheTimeout() throws Exception {
    Path repo = repo(Map.of("README.md", "x\n"));
    Path pidFile = tmp.resolve("child.pid");
    long start = System.nanoTime();
    Fact f = smoke(repo, "sleep 300 & echo $! > " + pidFile + "; wait", "    timeout_seconds: 1\n");
    assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.reason()).startsWith("timed out after 1s");
    long child = Long.parseLong(Files.readString(pidFile).strip());
    // The backgrounded sleep is a grandchild of forkstate: it must be gone too.
    for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
      Thread.sleep(100);
    }
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void nonPytestCommandWithoutJunitIsUnknownNotPass() {
    Path repo = repo(Map.of("README.md", "x\n"));
    Fact f = smoke(repo, "true", "");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("junit_xml");
  }

  @Test
  void configuredJunitThatIsMissingIsUnknown() {
    Path repo = repo(Map.of("README.md", "x\n"));
    Fact f = smoke(repo, "true", "    junit_xml: build/results.xml\n");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("no JUnit XML report");
  }

  @Test
  void malformedJunitIsUnknownNeverPass() {
    Path repo = repo(Map.of("README.md", "x\n"));
    Fact f = smoke(repo, "mkdir -p build && printf '<testsuite><testcase' > build/r.xml",
        "    junit_xml: build/r.xml\n");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("malformed JUnit XML");
  }

  @Test
  void staleJunitFromAnEarlierRunIsNotTrusted() throws Exception {
    Path repo = repo(Map.of("README.md", "x\n"));
    Path xml = repo.resolve("build/r.xml");
    Files.createDirectories(xml.getParent());
    Files.writeString(xml, "<testsuite><testcase classname='a' name='b'/></testsuite>");
    Files.setLastModifiedTime(xml, java.nio.file.attribute.FileTime.fromMillis(0));
    Fact f = smoke(repo, "true", "    junit_xml: build/r.xml\n");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("older than this run");
  }

  @Test
  void nonUtf8OutputIsReadWithItsOddBytesEscaped() {
    Path repo = repo(Map.of("tests/smoke/test_bytes.py",
        "import sys\n\ndef test_bytes():\n    sys.stdout.buffer.write(b'\\xff\\xfe bad bytes\\n')\n"
            + "    assert False\n"));
    Fact f = smoke(repo, "pytest -q -s tests/smoke", "");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.evidence().get(0).excerpt()).contains("\\xff\\xfe bad bytes").doesNotContain("\uFFFD");
  }

  @Test
  void noSmokeConfiguredOrDetectedIsUnknown() {
    Path repo = repo(Map.of("README.md", "x\n"));
    FactSet facts = Collecting.run(new SmokeCollector(), repo, "", env, true);
    assertThat(facts.get(FactIds.SMOKE_NONE).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
  }
}
