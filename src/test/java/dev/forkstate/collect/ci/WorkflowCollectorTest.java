package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow read offline: each answer cites file:line; a missing wire is FAIL, never PASS. */
class WorkflowCollectorTest {
  private static final String WF = ".github/workflows/fork-smokes.yml";
  private static final String CONFIG = "fork_branch: fork/stable\nsmokes:\n  - name: smokes\n"
      + "    command: PYTHONPATH=$(pwd) pytest -q tests/smoke\nci:\n  workflow: " + WF + "\n";

  @TempDir
  Path tmp;

  Map<String, String> env;
  GitScript repo;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("r"), env, 0).init();
    repo.write("tests/smoke/test_a.py", "def test_a():\n    assert True\n");
  }

  private FactSet collect(String workflow) {
    repo.write(WF, workflow).commit("wf");
    return Collecting.run(new WorkflowCollector(), repo.dir(), CONFIG, env, true);
  }

  private static Fact fact(FactSet f, String id) {
    return f.get(id).orElseThrow();
  }

  @Test
  void aWellWiredWorkflowPassesWithLines() {
    FactSet f = collect("""
        name: fork-smokes
        on:
          push:
            branches: [fork/stable]
          pull_request:
            branches: [fork/stable]
        jobs:
          smokes:
            runs-on: ubuntu-latest
            strategy:
              matrix:
                python: ["3.11", "3.12"]
            steps:
              - uses: actions/checkout@v4
              - run: PYTHONPATH=$(pwd) pytest -q tests/smoke
        """);
    Fact trigger = fact(f, "ci.workflow.push-trigger");
    assertThat(trigger.summary()).isEqualTo("pushes to fork/stable trigger it (" + WF + ":4); pull requests too");
    assertThat(Shown.summary(trigger)).isEqualTo("pushes to `fork/stable` trigger it (" + WF + ":4); pull requests "
        + "too");
    assertThat(trigger.summaryPhrase().first(Phrase.Kind.BRANCH)).contains("fork/stable");
    assertThat(fact(f, "ci.workflow.python").summary()).isEqualTo("job smokes runs Python 3.12 (" + WF + ":12)");
    assertThat(fact(f, "ci.workflow.python").summaryPhrase().first(Phrase.Kind.NAME)).contains("smokes");
    Fact runs = fact(f, "ci.workflow.runs-smokes");
    assertThat(runs.summary()).isEqualTo("job smokes runs PYTHONPATH=$(pwd) pytest -q tests/smoke (" + WF + ":15)");
    assertThat(runs.summaryPhrase().first(Phrase.Kind.COMMAND)).contains("PYTHONPATH=$(pwd) pytest -q tests/smoke");
    assertThat(fact(f, "ci.workflow.file").summaryPhrase().first(Phrase.Kind.PATH)).contains(WF);
    assertThat(fact(f, "ci.workflow.test-paths").status()).isEqualTo(Status.PASS);
    assertThat(fact(f, "ci.workflow.conditional-jobs").status()).isEqualTo(Status.PASS);
  }

  /** Summaries and reasons are plain text: the items are typed parts, never fenced in the words. */
  @Test
  void noFactTextHoldsMarkdown() {
    FactSet f = collect("""
        on:
          push:
            branches: ["!fork/*"]
        jobs:
          test:
            continue-on-error: ${{ matrix.experimental }}
            if: github.event_name == 'pull_request'
            uses: ./.github/workflows/reusable.yml
          smokes:
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version-file: .python-version
              - run: echo pytest -q tests/smoke
              - run: tox -e py312
        """);
    f.all().forEach(x -> assertThat(x.summary() + " " + x.reason()).as(x.id().value()).doesNotContain("`"));
    assertThat(fact(f, "ci.workflow.push-trigger").summary()).contains("branches list only ! patterns");
  }

  @Test
  void wiringMistakesAreFailOrWarn() {
    FactSet f = collect("""
        on:
          push:
            branches: [main]
        jobs:
          test:
            runs-on: ubuntu-latest
            continue-on-error: true
            if: github.actor != 'bot'
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.11"
              - run: pytest -q tests/unit
        """);
    assertThat(fact(f, "ci.workflow.push-trigger").status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(fact(f, "ci.workflow.push-trigger"))).contains("do not include `fork/stable`")
        .contains(WF + ":3");
    assertThat(fact(f, "ci.workflow.python").status()).isEqualTo(Status.FAIL);
    assertThat(fact(f, "ci.workflow.runs-smokes").status()).isEqualTo(Status.FAIL);
    assertThat(fact(f, "ci.workflow.test-paths").status()).isEqualTo(Status.FAIL);
    assertThat(fact(f, "ci.workflow.test-paths").summary()).contains("tests/unit");
    Fact cond = fact(f, "ci.workflow.conditional-jobs");
    assertThat(cond.status()).isEqualTo(Status.WARN);
    assertThat(cond.summary()).isEqualTo("test: continue-on-error (" + WF + ":7); test: runs only if "
        + "github.actor != 'bot' (" + WF + ":8)");
    assertThat(Shown.items(cond.value())).containsExactly("test: continue-on-error (" + WF + ":7)",
        "test: runs only if `github.actor != 'bot'` (" + WF + ":8)");
  }

  @Test
  void branchesIgnoreAndGlobsAreHonoured() {
    assertThat(fact(collect("on:\n  push:\n    branches-ignore: ['fork/**']\njobs: {}\n"),
        "ci.workflow.push-trigger").status()).isEqualTo(Status.FAIL);
    assertThat(fact(collect("on:\n  push:\n    branches: ['fork/*']\njobs: {}\n"),
        "ci.workflow.push-trigger").status()).isEqualTo(Status.PASS);
    assertThat(fact(collect("on: [push, pull_request]\njobs: {}\n"), "ci.workflow.push-trigger").summary())
        .endsWith("pull requests too");
  }

  @Test
  void aRegexMetacharacterInABranchFilterDoesNotStopTheRun() {
    // Used to throw PatternSyntaxException out of the collector and end the whole run.
    FactSet f = collect("""
        on:
          push:
            branches: ['feature/(x', 'fork/st[a-z]ble']
        jobs:
          smokes:
            runs-on: ubuntu-latest
            steps:
              - run: echo "PYTHONPATH=$(pwd) pytest -q tests/smoke"
              - run: PYTHONPATH=$(pwd) pytest -q tests/smoke
                continue-on-error: true
        """);
    assertThat(fact(f, "ci.workflow.push-trigger").status()).isEqualTo(Status.PASS);
    Fact smokes = fact(f, "ci.workflow.runs-smokes");
    assertThat(smokes.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(smokes)).contains("`continue-on-error: true` (" + WF + ":10)");
    assertThat(fact(f, "ci.workflow.file").status()).isEqualTo(Status.PASS);
  }

  @Test
  void aBrokenOrMissingWorkflowFailsAndTheRestIsUnknown() {
    FactSet f = collect("on: [push\njobs: {");
    assertThat(fact(f, "ci.workflow.file").status()).isEqualTo(Status.FAIL);
    assertThat(fact(f, "ci.workflow.file").reason()).contains("is not valid YAML");
    assertThat(fact(f, "ci.workflow.python").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void aReusableWorkflowIsJudgedThroughItsCallerInTheRepository() {
    // B5 and B6 on files: the configured workflow only runs when ci.yml calls it, on pushes to the fork branch.
    repo.write(".github/workflows/ci.yml", """
        on:
          push:
            branches: [fork/stable]
        jobs:
          unit:
            runs-on: ubuntu-latest
            steps: [{run: pytest -q tests/unit}]
          smokes:
            needs: unit
            if: needs.unit.result == 'success'
            uses: ./.github/workflows/fork-smokes.yml
            with:
              pythons: '["3.12"]'
        """);
    FactSet f = collect("""
        on:
          workflow_call:
            inputs:
              pythons: {type: string, default: '["3.11"]'}
        jobs:
          smokes:
            runs-on: ubuntu-latest
            strategy:
              matrix:
                python-version: ${{ fromJson(inputs.pythons) }}
            steps:
              - run: PYTHONPATH=$(pwd) pytest -q tests/smoke
        """);
    Fact trigger = fact(f, "ci.workflow.push-trigger");
    assertThat(trigger.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(trigger)).startsWith("called by job `smokes` of .github/workflows/ci.yml "
        + "(.github/workflows/ci.yml:11)").endsWith("pushes to `fork/stable` trigger it (.github/workflows/ci.yml:3)");
    Fact python = fact(f, "ci.workflow.python");
    assertThat(python.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(python)).contains("is `3.12` from job `smokes` of .github/workflows/ci.yml");
    assertThat(fact(f, "ci.workflow.runs-smokes").status()).isEqualTo(Status.PASS);
  }

  @Test
  void withNoCallerInTheRepositoryAReusableWorkflowFails() {
    FactSet f = collect("on: workflow_call\njobs:\n  s:\n    steps: [{run: pytest -q tests/smoke}]\n");
    assertThat(fact(f, "ci.workflow.push-trigger").status()).isEqualTo(Status.FAIL);
    assertThat(fact(f, "ci.workflow.push-trigger").summary()).endsWith("no workflow in .github/workflows calls it");
  }

  @Test
  void aPathsFilterIsCheckedAgainstTheTrackedFiles() {
    // A5: the filter is held against what git tracks under the smoke paths and in the package.
    repo.write("pkg/__init__.py", "").write("pkg/core.py", "X = 1\n");
    String wf = "on:\n  push:\n    branches: [fork/stable]\n    paths: [%s]\njobs: {}\n";
    Fact narrow = fact(collect(wf.formatted("'pkg/**'")), "ci.workflow.push-trigger");
    assertThat(narrow.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(narrow)).contains("only when they touch: `pkg/**` (" + WF + ":4)")
        .contains("`tests/smoke/test_a.py` does not run it");
    assertThat(narrow.evidence()).extracting(e -> e.command()).contains("git ls-files");
    Fact wide = fact(collect(wf.formatted("'**.py'")), "ci.workflow.push-trigger");
    assertThat(wide.status()).isEqualTo(Status.PASS);
    assertThat(wide.summary()).contains("only when they touch: **.py").contains("tests/smoke, pkg (3 tracked files)");
  }

  @Test
  void versionsMatchWholeNumbersOnly() {
    assertThat(WorkflowCollector.mentionsVersion("3.12", "3.12")).isTrue();
    assertThat(WorkflowCollector.mentionsVersion("python:3.12-slim", "3.12")).isTrue();
    assertThat(WorkflowCollector.mentionsVersion("smokes (3.12)", "3.12")).isTrue();
    assertThat(WorkflowCollector.mentionsVersion("3.120", "3.12")).isFalse();
    assertThat(WorkflowCollector.mentionsVersion("13.12", "3.12")).isFalse();
  }
}
