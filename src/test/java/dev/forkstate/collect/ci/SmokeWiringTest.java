package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
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
    assertThat(f.summary()).isEqualTo("job `smokes` runs `pytest -q tests/smoke` (" + WF + ":6)");
  }

  @Test
  void aStepIfThatExcludesPushFails() throws Exception {
    Fact f = wiring("      - if: github.event_name == 'pull_request'\n        run: pytest -q tests/smoke\n");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).contains("the step runs only if `github.event_name == 'pull_request'` (" + WF + ":6)")
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
    assertThat(f.summary()).contains("job `smokes` runs only if").contains(WF + ":5");
  }

  @Test
  void anIfThatCannotBeEvaluatedIsUnknownWithTheExpression() throws Exception {
    Fact f = wiring("      - if: matrix.python == '3.12'\n        run: pytest -q tests/smoke\n");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("`matrix.python == '3.12'`").contains(WF + ":6").contains("cannot evaluate");
  }

  @Test
  void continueOnErrorFailsOnTheStepOrTheJob() throws Exception {
    Fact step = wiring("      - run: pytest -q tests/smoke\n        continue-on-error: true\n");
    assertThat(step.status()).isEqualTo(Status.FAIL);
    assertThat(step.summary()).contains("the step has `continue-on-error: true` (" + WF + ":7)")
        .contains("would not fail the run");
    Fact job = wiring("      - run: pytest -q tests/smoke\n", "    continue-on-error: true\n");
    assertThat(job.status()).isEqualTo(Status.FAIL);
    assertThat(job.summary()).contains("job `smokes` has `continue-on-error: true` (" + WF + ":5)");
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
      assertThat(f.summary()).as(run).contains("only prints or comments out `pytest -q tests/smoke`");
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
    assertThat(f.summary()).startsWith("job `smokes` runs pytest on tests/smoke (" + WF + ":6), but the step runs "
        + "only if `failure()`");
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
