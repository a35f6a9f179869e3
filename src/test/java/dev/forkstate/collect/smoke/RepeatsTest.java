package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Skip;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How often a smoke runs: twice only where that is cheap, unless the config says how often. */
class RepeatsTest {
  @TempDir
  static Path tmp;

  static Map<String, String> env;
  static Path repo;

  @BeforeAll
  static void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = Repos.python(tmp.resolve("repo"), env, Map.of("tests/test_ok.py", "def test_ok():\n    assert True\n"))
        .dir();
  }

  private static Settings.HappyPath hp(int runs, boolean set, int underSeconds) {
    return new Settings.HappyPath(List.of(), List.of(), List.of(), runs, set, Duration.ofSeconds(underSeconds));
  }

  /** Runs the smoke with this happypath section; returns the facts and how many times the command ran. */
  private static Map.Entry<FactSet, Long> run(String name, String happypath) throws Exception {
    Path count = tmp.resolve(name + ".count");
    String yaml = happypath + "smokes:\n  - name: smokes\n    command: echo x >> " + count + "; pytest -q tests\n";
    FactSet facts = Collecting.run(new SmokeCollector(), repo, yaml, env, true);
    return Map.entry(facts, (long) Files.readAllLines(count).size());
  }

  @Test
  void byDefaultAFastSmokeRunsTwiceAndIsCompared() throws Exception {
    var r = run("fast", "");
    assertThat(r.getValue()).isEqualTo(2);
    Fact d = r.getKey().get(FactIds.HAPPYPATH_DETERMINISM).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.PASS);
    assertThat(d.summary()).isEqualTo("1 test gave the same outcome in each of 2 runs");
  }

  /** A smoke slower than the bound runs once; determinism is UNKNOWN with the reason and the way to ask for it. */
  @Test
  void byDefaultASlowSmokeRunsOnceAndDeterminismIsUnknown() throws Exception {
    var r = run("slow", "happypath:\n  repeat_under_seconds: 0\n");
    assertThat(r.getValue()).isEqualTo(1);
    assertThat(r.getKey().get("smoke.smokes").orElseThrow().status()).isEqualTo(Status.PASS);
    Fact d = r.getKey().get(FactIds.HAPPYPATH_DETERMINISM).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.UNKNOWN);
    assertThat(d.reason()).startsWith("smoke smokes was not repeated: its first run took ")
        .contains("more than happypath.repeat_under_seconds (0 s)")
        .contains("set happypath.determinism_runs: 2");
  }

  @Test
  void determinismRunsSetIsObeyedWhateverTheTime() throws Exception {
    var twice = run("twice", "happypath:\n  determinism_runs: 3\n  repeat_under_seconds: 0\n");
    assertThat(twice.getValue()).isEqualTo(3);
    assertThat(twice.getKey().get(FactIds.HAPPYPATH_DETERMINISM).orElseThrow().status()).isEqualTo(Status.PASS);
    var once = run("once", "happypath:\n  determinism_runs: 1\n");
    assertThat(once.getValue()).isEqualTo(1);
    Fact d = once.getKey().get(FactIds.HAPPYPATH_DETERMINISM).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.SKIPPED);
    assertThat(d.skip()).isEqualTo(Skip.ASKED);
  }

  /** A first run that counted nothing (dependencies missing) is not paid for twice: nothing to compare. */
  @Test
  void aFirstRunWithoutOutcomesIsNotRepeated() throws Exception {
    Path count = tmp.resolve("nodeps.count");
    Path deps = Repos.python(tmp.resolve("deps"), env, Map.of("tests/test_dep.py",
        "import notinstalledpkg\n\ndef test_a():\n    pass\n")).dir();
    FactSet facts = Collecting.run(new SmokeCollector(), deps, "happypath:\n  determinism_runs: 2\nsmokes:\n"
        + "  - name: smokes\n    command: echo x >> " + count + "; pytest -q tests\n", env, true);
    assertThat(Files.readAllLines(count)).hasSize(1);
    assertThat(facts.get("smoke.smokes").orElseThrow().status()).isEqualTo(Status.UNKNOWN);
    Fact d = facts.get(FactIds.HAPPYPATH_DETERMINISM).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.UNKNOWN);
    assertThat(d.reason()).startsWith("smoke smokes was not repeated: its first run gave no per-test outcomes "
        + "(could not run: No module named notinstalledpkg (not declared by the project; install it)), so there was "
        + "nothing to compare");
  }

  @Test
  void whyOnceFollowsTheSettingThenTheBound() {
    assertThat(Repeats.whyOnce(hp(2, false, 30), Duration.ofSeconds(30))).isEmpty();
    assertThat(Repeats.whyOnce(hp(2, false, 30), Duration.ofSeconds(31))).startsWith("its first run took 31 s");
    assertThat(Repeats.whyOnce(hp(2, true, 30), Duration.ofMinutes(5))).isEmpty();
    assertThat(Repeats.whyOnce(hp(1, true, 30), Duration.ZERO)).isEqualTo("happypath.determinism_runs is 1");
  }

  /** One slow smoke among fast ones: the others are compared, and the rule is still not PASS. */
  @Test
  void oneSmokeNotRepeatedKeepsTheRuleFromPassing() {
    Settings.Smoke a = new Settings.Smoke("a", "pytest a", Duration.ofMinutes(1), null, "config");
    Settings.Smoke b = new Settings.Smoke("b", "pytest b", Duration.ofMinutes(1), null, "config");
    dev.forkstate.fact.Value.Tests t = new dev.forkstate.fact.Value.Tests(1, 0, 0, 0, List.of(), List.of("t::x"));
    Fact ok = new Fact(FactIds.smoke("a"), Status.PASS, t, "1 passed", "",
        List.of(dev.forkstate.fact.Evidence.ofCommand("pytest a")));
    Fact d = Determinism.judge(List.of(a, b), List.of(List.of(ok, ok), List.of(ok)), hp(2, false, 30),
        List.of("", "its first run took 40 s"));
    assertThat(d.status()).isEqualTo(Status.UNKNOWN);
    assertThat(d.reason()).isEqualTo("smoke b was not repeated: its first run took 40 s; the others gave the same "
        + "outcome in each of 2 runs");
  }
}
