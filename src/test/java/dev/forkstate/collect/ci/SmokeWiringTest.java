package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Shown;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a smoke step protects the fork branch, read from workflow text; no repository needed. */
class SmokeWiringTest {
  private static final String WF = ".github/workflows/ci.yml";
  private static final String SMOKE = "pytest -q tests/smoke";
  private static final Evidence SHOW = Evidence.ofCommand("cat " + WF);

  private static Fact wiring(String steps) throws WorkflowFile.Unreadable {
    return wiring(steps, "");
  }

  /** A workflow with one job whose extra job-level keys and steps are given. */
  private static Fact wiring(String steps, String jobKeys) throws WorkflowFile.Unreadable {
    String yaml = "on: push\njobs:\n  smokes:\n    runs-on: ubuntu-latest\n" + jobKeys + "    steps:\n" + steps;
    WorkflowFile wf = WorkflowFile.parse(WF, yaml);
    return SmokeWiring.fact(wf, RunStep.all(wf), List.of(SMOKE), "fork/stable", SHOW);
  }

  @Test
  void aPlainStepPasses() throws Exception {
    Fact f = wiring("      - run: pytest -q tests/smoke\n");
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(f)).isEqualTo("job `smokes` runs `pytest -q tests/smoke` (" + WF + ":6)");
  }

  @Test
  void aStepIfThatExcludesPushFails() throws Exception {
    Fact f = wiring("      - if: github.event_name == 'pull_request'\n        run: pytest -q tests/smoke\n");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).contains("the step runs only if `github.event_name == 'pull_request'` (" + WF + ":6)")
        .contains("false on a push to `fork/stable`");
    assertThat(wiring("      - if: false\n        run: pytest -q tests/smoke\n").status()).isEqualTo(Status.FAIL);
    assertThat(wiring("      - if: ${{ github.ref == 'refs/heads/main' }}\n        run: pytest -q tests/smoke\n")
        .status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aStepIfThatIncludesPushPasses() throws Exception {
    assertThat(wiring("      - if: github.event_name == 'push' && !cancelled()\n        run: pytest -q tests/smoke\n")
        .status()).isEqualTo(Status.PASS);
  }

  @Test
  void aJobIfThatExcludesPushFails() throws Exception {
    Fact f = wiring("      - run: pytest -q tests/smoke\n", "    if: ${{ github.event_name == 'pull_request' }}\n");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).contains("job `smokes` runs only if").contains(WF + ":5");
  }

  @Test
  void anIfThatCannotBeEvaluatedIsUnknownWithTheExpression() throws Exception {
    Fact f = wiring("      - if: matrix.python == '3.12'\n        run: pytest -q tests/smoke\n");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(f)).contains("`matrix.python == '3.12'`").contains(WF + ":6").contains("cannot evaluate");
  }

  @Test
  void continueOnErrorFailsOnTheStepOrTheJob() throws Exception {
    Fact step = wiring("      - run: pytest -q tests/smoke\n        continue-on-error: true\n");
    assertThat(step.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(step)).contains("the step has `continue-on-error: true` (" + WF + ":7)")
        .contains("would not fail the run");
    Fact job = wiring("      - run: pytest -q tests/smoke\n", "    continue-on-error: true\n");
    assertThat(job.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(job)).contains("job `smokes` has `continue-on-error: true` (" + WF + ":5)");
    assertThat(wiring("      - run: pytest -q tests/smoke\n        continue-on-error: false\n").status())
        .isEqualTo(Status.PASS);
    Fact matrix = wiring("      - run: pytest -q tests/smoke\n        continue-on-error: ${{ matrix.experimental }}\n");
    assertThat(matrix.status()).isEqualTo(Status.UNKNOWN);
    assertThat(matrix.reason()).contains("matrix.experimental");
  }

  @Test
  void aCommandThatIsOnlyPrintedOrCommentedOutFails() throws Exception {
    for (String run : List.of("run: echo \"pytest -q tests/smoke\"", "run: printf 'pytest -q tests/smoke'",
        "run: |\n          # pytest -q tests/smoke\n          echo skipped")) {
      Fact f = wiring("      - " + run + "\n");
      assertThat(f.status()).as(run).isEqualTo(Status.FAIL);
      assertThat(Shown.summary(f)).as(run).contains("only prints or comments out `pytest -q tests/smoke`");
    }
  }

  @Test
  void anyStepThatProtectsTheBranchIsEnough() throws Exception {
    Fact f = wiring("      - run: echo pytest -q tests/smoke\n"
        + "      - if: github.event_name == 'pull_request'\n        run: pytest -q tests/smoke\n"
        + "      - run: |\n          set -e\n          pytest -q tests/smoke -x\n");
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(f.summary()).contains(WF + ":9");
  }

  @Test
  void aFailingGateBeatsNoStepAndIsNamed() throws Exception {
    Fact f = wiring("      - run: pytest tests/smoke\n        if: failure()\n");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).startsWith("job `smokes` runs pytest on tests/smoke (" + WF + ":6), but the step runs "
        + "only if `failure()`");
  }

  // B7: a step that hands the testing to tox, nox, make, a local action or a reusable workflow may run the smokes.
  @Test
  void aStepThatDelegatesToToxIsUnknownNotFail() throws Exception {
    Fact f = wiring("      - run: pip install tox\n      - run: tox -e py312\n");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.summary()).isEqualTo("no step runs the smoke command itself (2 run steps read)");
    assertThat(Shown.reason(f)).isEqualTo("job `smokes` runs `tox -e py312` (" + WF + ":7), which delegates to tox; "
        + "forkstate does not read tox.ini; that may run the smokes, so forkstate cannot tell");
    assertThat(wiring("      - run: |\n          set -e\n          python -m nox -s tests\n").reason())
        .contains("delegates to nox; forkstate does not read noxfile.py");
    assertThat(wiring("      - run: PYTHON=python3.12 make test\n").reason())
        .contains("delegates to make; forkstate does not read the Makefile");
    assertThat(wiring("      - run: uv run tox\n").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void anActionThatDelegatesIsUnknownToo() throws Exception {
    Fact local = wiring("      - uses: ./.github/actions/run-tests\n");
    assertThat(local.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(local)).contains("uses the local action `./.github/actions/run-tests` (" + WF + ":6)");
    // celery's smoke-tests.yml runs tox through a retry action.
    Fact retry = wiring("      - uses: nick-fields/retry@v3\n        with:\n          max_attempts: 5\n"
        + "          command: |\n            tox --verbose -e \"3.12-smoke\" -- -n auto\n");
    assertThat(retry.status()).isEqualTo(Status.UNKNOWN);
    assertThat(retry.reason()).contains("passes tox --verbose -e 3.12-smoke -- -n auto to nick-fields/retry@v3");
    assertThat(retry.reasonPhrase().first(Phrase.Kind.COMMAND)).contains("tox --verbose -e 3.12-smoke -- -n auto");
    assertThat(wiring("      - uses: actions/checkout@v4\n").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aJobThatCallsAReusableWorkflowIsUnknown() throws Exception {
    String yaml = "on: push\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    steps: [{run: pytest -q tests/unit}]\n"
        + "  smokes:\n    uses: ./.github/workflows/smoke-tests.yml\n";
    WorkflowFile wf = WorkflowFile.parse(WF, yaml);
    Fact f = SmokeWiring.fact(wf, RunStep.all(wf), List.of(SMOKE), "fork/stable", SHOW);
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(f)).contains("job `smokes` calls `./.github/workflows/smoke-tests.yml` (" + WF
        + ":7), which forkstate does not follow for this fact; set `ci.workflow` to it to check it");
  }

  @Test
  void withoutADelegatingStepThatRunsOnPushFailStays() throws Exception {
    Fact none = wiring("      - run: pytest -q tests/unit\n      - run: echo tox\n");
    assertThat(none.status()).isEqualTo(Status.FAIL);
    assertThat(none.summary()).isEqualTo("no step runs the smoke command or its test paths (2 run steps read)");
    Fact prOnly = wiring("      - if: github.event_name == 'pull_request'\n        run: tox\n");
    assertThat(prOnly.status()).isEqualTo(Status.FAIL);
    Fact swallowed = wiring("      - run: tox\n        continue-on-error: true\n");
    assertThat(swallowed.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aJobGatedOnAnEarlierGreenJobIsEvaluated() throws Exception {
    String yaml = "on: push\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    steps: [{run: pytest tests/unit}]\n"
        + "  smokes:\n    needs: unit\n    if: needs.unit.result == 'success'\n    steps:\n"
        + "      - run: pytest -q tests/smoke\n";
    WorkflowFile wf = WorkflowFile.parse(WF, yaml);
    assertThat(SmokeWiring.fact(wf, RunStep.all(wf), List.of(SMOKE), "fork/stable", SHOW).status())
        .isEqualTo(Status.PASS);
    // The needed job is skipped on a push, so the result is not 'success' there: not guessed.
    WorkflowFile skipped = WorkflowFile.parse(WF, yaml.replace("  unit:\n", "  unit:\n    if: github.event_name "
        + "== 'pull_request'\n"));
    assertThat(SmokeWiring.fact(skipped, RunStep.all(skipped), List.of(SMOKE), "fork/stable", SHOW).status())
        .isEqualTo(Status.UNKNOWN);
  }
}
