package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing smoke runs once more on upstream's code at the merge-base, in a worktree that is gone afterwards: a
 * failure upstream shares is not blamed on the fork, a test the fork broke is.
 */
class MergeBaseRunTest {
  private static final String YAML = "upstream_ref: upstream/main\nhappypath:\n  determinism_runs: 1\nsmokes:\n"
      + "  - name: smokes\n    command: 'PYTHONPATH=$(pwd) pytest -q tests'\n";

  @TempDir
  Path tmp;

  Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
  }

  /** An upstream with a passing and an already failing test, and a fork on top with its own commit. */
  private GitScript fork(String forkValue) {
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("pkg/__init__.py", "VALUE = 2\n")
        .write("tests/test_ok.py", "from pkg import VALUE\n\ndef test_value():\n    assert VALUE == 2\n")
        .write("tests/test_upstream_broken.py", "def test_broken():\n    assert 1 == 2, 'broken upstream'\n")
        .commit("upstream");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.git("switch", "-q", "-c", "fork/stable");
    fork.write("pkg/__init__.py", "VALUE = " + forkValue + "\n")
        .write("tests/test_fork.py", "def test_fork_own():\n    assert False, 'fork test'\n").commit("fork work");
    return fork;
  }

  private Fact smoke(GitScript fork) {
    FactSet facts = Collecting.run(new SmokeCollector(), fork.dir(), YAML, env, true);
    return facts.get("smoke.smokes").orElseThrow();
  }

  @Test
  void aFailureUpstreamSharesIsNotBlamedOnTheFork() {
    GitScript fork = fork("2");
    String base = fork.git("merge-base", "HEAD", "upstream/main").strip();
    Fact f = smoke(fork);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    Value.Baseline b = ((Value.Tests) f.value()).atMergeBase();
    assertThat(b.sha()).isEqualTo(base);
    assertThat(b.compared()).isTrue();
    assertThat(b.alsoFailing()).containsExactly("tests/test_upstream_broken.py::test_broken");
    assertThat(b.passing()).isEmpty();
    // The fork's own test does not exist at the merge-base: named, not compared.
    assertThat(b.notThere()).containsExactly("tests/test_fork.py::test_fork_own");
    assertThat(f.reason()).contains("1 failure also fails at the merge-base " + base.substring(0, 7)
        + " (upstream's code): not introduced by the fork");
    assertWorktreeGone(fork);
  }

  /** `git worktree add` would run the repository's post-checkout hook: a measurement runs no hook. */
  @Test
  void theRepositorysHooksDoNotRunForTheMergeBaseTree() throws Exception {
    GitScript fork = fork("2");
    Path marker = tmp.resolve("hook-ran");
    Path hook = fork.dir().resolve(".git/hooks/post-checkout");
    java.nio.file.Files.writeString(hook, "#!/bin/sh\ntouch '" + marker + "'\n");
    hook.toFile().setExecutable(true);
    Fact f = smoke(fork);
    assertThat(((Value.Tests) f.value()).atMergeBase().compared()).isTrue();
    assertThat(marker).doesNotExist();
    assertWorktreeGone(fork);
  }

  @Test
  void aTestTheForkBrokeIsBlamedOnTheFork() {
    GitScript fork = fork("3");
    Fact f = smoke(fork);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    Value.Baseline b = ((Value.Tests) f.value()).atMergeBase();
    assertThat(b.passing()).containsExactly("tests/test_ok.py::test_value");
    assertThat(b.alsoFailing()).containsExactly("tests/test_upstream_broken.py::test_broken");
    assertThat(f.reason()).contains("1 failing test passes at the merge-base").contains("broken by the fork");
    assertWorktreeGone(fork);
  }

  /**
   * The fork's package found outside the tree (an editable install points at the fork's folder; here PYTHONPATH
   * does): the merge-base run still imports upstream's code, so the test the fork broke is not called upstream's.
   */
  @Test
  void theMergeBaseRunImportsUpstreamsCodeNotAnInstalledFork() {
    GitScript fork = fork("3");
    env = new java.util.HashMap<>(env);
    env.put("PYTHONPATH", fork.dir().toString());
    FactSet facts = Collecting.run(new SmokeCollector(), fork.dir(), YAML.replace("PYTHONPATH=$(pwd) ", ""), env,
        true);
    Value.Baseline b = ((Value.Tests) facts.get("smoke.smokes").orElseThrow().value()).atMergeBase();
    assertThat(b.passing()).containsExactly("tests/test_ok.py::test_value");
    assertWorktreeGone(fork);
  }

  /** Only the fork's own tests fail: their files are not at the merge-base, so nothing runs there. */
  @Test
  void theForksOwnFailingTestsAreNotComparedAndNotRun() {
    GitScript fork = fork("2");
    fork.write("tests/test_upstream_broken.py", "def test_broken():\n    assert True\n").commit("fix upstream's test");
    Fact f = smoke(fork);
    Value.Baseline b = ((Value.Tests) f.value()).atMergeBase();
    assertThat(b.compared()).isTrue();
    assertThat(b.notThere()).containsExactly("tests/test_fork.py::test_fork_own");
    assertThat(b.alsoFailing()).isEmpty();
    assertThat(b.passing()).isEmpty();
    assertThat(f.reason()).isEqualTo("1 failure not compared: not run at the merge-base");
    assertThat(f.evidence()).noneMatch(e -> e.command().contains("worktree add"));
  }

  /**
   * upstream's tests cannot even be collected on this machine's Python (pytest exit 2): the fork's smoke fails the
   * same way as upstream's code at the merge-base, and the collection errors are compared like failures.
   */
  @Test
  void aCollectionErrorUpstreamSharesIsNotBlamedOnTheFork() {
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("pkg/__init__.py", "VALUE = 2\n")
        .write("tests/test_old.py", "raise RuntimeError('needs Python 2')\n\ndef test_old():\n    pass\n")
        .commit("upstream");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.write("pkg/extra.py", "X = 1\n").commit("fork work");
    Fact f = smoke(fork);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).contains("exit 2");
    Value.Tests t = (Value.Tests) f.value();
    assertThat(t.errors()).isEqualTo(1);
    assertThat(t.atMergeBase().alsoFailing()).hasSize(1);
    assertThat(t.atMergeBase().passing()).isEmpty();
    assertThat(f.reason()).contains("1 failure also fails at the merge-base");
    assertWorktreeGone(fork);
  }

  @Test
  void withoutUpstreamNothingIsCompared() {
    GitScript fork = fork("3");
    fork.git("remote", "remove", "upstream");
    FactSet facts = Collecting.run(new SmokeCollector(), fork.dir(), YAML.replace("upstream_ref: upstream/main\n",
        ""), env, true);
    Fact f = facts.get("smoke.smokes").orElseThrow();
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(((Value.Tests) f.value()).atMergeBase()).isNull();
  }

  /** A merge-base run that counts no tests (the tests folder is absent there) is "not compared", never a guess. */
  @Test
  void aMergeBaseWithoutTheTestsIsNotCompared() {
    Fact fork = new Fact(SmokeCollector.factId(new dev.forkstate.config.Settings.Smoke("smokes", "pytest",
        java.time.Duration.ofMinutes(1), null, "test")), Status.FAIL, new Value.Tests(0, 1, 0, 0,
        List.of(new Value.TestCase("tests/test_a.py::test_a", "failed", "x"))), "0 passed, 1 failed", "", List.of());
    Fact base = new Fact(fork.id(), Status.FAIL, Value.none(), "pytest exit 4", "file or directory not found: tests",
        List.of());
    Value.Baseline b = MergeBaseRun.baseline("0123456789abcdef", (Value.Tests) fork.value(), base, null);
    assertThat(b.compared()).isFalse();
    assertThat(b.notCompared()).contains("file or directory not found: tests");
    assertThat(MergeBaseRun.describe(b).plain()).startsWith("not compared with the merge-base 0123456 (upstream's "
        + "code): the run at the merge-base counted no tests");
  }

  private static void assertWorktreeGone(GitScript fork) {
    assertThat(fork.git("worktree", "list", "--porcelain").lines().filter(l -> l.startsWith("worktree ")))
        .hasSize(1);
  }
}
