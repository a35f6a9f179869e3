package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Shown;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B5: a reusable workflow (on: workflow_call) is triggered by pushes through the workflows that call it. */
class CallerTriggerTest {
  private static final String TARGET = ".github/workflows/fork-smokes.yml";
  private static final String CALLER = ".github/workflows/ci.yml";
  private static final String REUSABLE = """
      on:
        workflow_call:
          inputs:
            pythons: {type: string, default: '["3.11", "3.12"]'}
      jobs:
        smokes:
          runs-on: ubuntu-latest
          steps:
            - run: pytest -q tests/smoke
      """;
  private static final Evidence SHOW = Evidence.ofCommand("cat " + TARGET);

  /** The reusable workflow judged with the given other workflows as path, text pairs. */
  private static Fact trigger(String target, String... others) throws WorkflowFile.Unreadable {
    List<WorkflowFile> files = new ArrayList<>();
    files.add(WorkflowFile.parse(TARGET, target));
    for (int i = 0; i < others.length; i += 2) {
      files.add(WorkflowFile.parse(others[i], others[i + 1]));
    }
    return CallerTrigger.fact(files.get(0), new WorkflowSet(files, List.of()), "fork/stable", () -> {
      throw new AssertionError("no paths filter here");
    }, SHOW);
  }

  @Test
  void aCallerThatPushesTriggerPassesNamingTheCallerAndLine() throws Exception {
    Fact f = trigger(REUSABLE, CALLER, """
        on: {push: {branches: [fork/stable]}}
        jobs:
          lint:
            runs-on: ubuntu-latest
            steps: [{run: ruff check .}]
          smokes:
            uses: ./.github/workflows/fork-smokes.yml
        """);
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(f)).isEqualTo("called by job `smokes` of " + CALLER + " (" + CALLER + ":7); in that "
        + "workflow: pushes to `fork/stable` trigger it (" + CALLER + ":1)");
    assertThat(f.command()).isEqualTo("grep -nF -- ./.github/workflows/fork-smokes.yml " + CALLER);
  }

  @Test
  void noCallerIsFailAndSaysSo() throws Exception {
    Fact f = trigger(REUSABLE, CALLER, "on: push\njobs:\n  other:\n    uses: ./.github/workflows/other.yml\n");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).isEqualTo("pushes do not trigger " + TARGET + " (" + TARGET + ":2); it runs when "
        + "another workflow calls it (`workflow_call`, " + TARGET + ":2), and no workflow in .github/workflows "
        + "calls it");
  }

  @Test
  void aCallerNotTriggeredByPushesToTheBranchIsFail() throws Exception {
    Fact f = trigger(REUSABLE, CALLER, """
        on: {push: {branches: [main]}, pull_request: {}}
        jobs:
          smokes:
            uses: ./.github/workflows/fork-smokes.yml
        """);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).contains("no caller runs it on a push: job `smokes` of " + CALLER + " (" + CALLER
        + ":4) calls it, but in that workflow: the push trigger's branches do not include `fork/stable`");
  }

  @Test
  void theCallingJobsIfIsAppliedLikeAStepsIf() throws Exception {
    String caller = """
        on: {push: {branches: [fork/stable]}}
        jobs:
          unit:
            runs-on: ubuntu-latest
            steps: [{run: pytest -q tests/unit}]
          smokes:
            needs: [unit]
            if: %s
            uses: ./.github/workflows/fork-smokes.yml
        """;
    Fact prOnly = trigger(REUSABLE, CALLER, caller.formatted("github.event_name == 'pull_request'"));
    assertThat(prOnly.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(prOnly)).contains("the job runs only if `github.event_name == 'pull_request'` (" + CALLER
        + ":8), which is false on a push to `fork/stable`");
    Fact matrix = trigger(REUSABLE, CALLER, caller.formatted("matrix.python == '3.12'"));
    assertThat(matrix.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(matrix)).contains("`matrix.python == '3.12'`").contains("cannot evaluate");
    // celery's own gate: it only waits for an earlier job to be green.
    Fact afterUnit = trigger(REUSABLE, CALLER, caller.formatted("needs.unit.result == 'success'"));
    assertThat(afterUnit.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(afterUnit)).contains("the job runs only if `needs.unit.result == 'success'` (" + CALLER
        + ":8), true on a push whose earlier jobs pass");
  }

  @Test
  void aCallerWhoseTriggerCannotBeEvaluatedIsUnknownUnlessAnotherSettlesIt() throws Exception {
    String unclear = "on: {push: {branches: ['fork/[x']}}\njobs:\n  s:\n    uses: ./.github/workflows/fork-smokes.yml\n";
    Fact f = trigger(REUSABLE, CALLER, unclear);
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(f)).contains("job `s` of " + CALLER).contains("`fork/[x`");
    Fact settled = trigger(REUSABLE, CALLER, unclear, ".github/workflows/push.yml",
        "on: push\njobs:\n  s:\n    uses: ./.github/workflows/fork-smokes.yml\n");
    assertThat(settled.status()).isEqualTo(Status.PASS);
    assertThat(settled.summary()).contains(".github/workflows/push.yml:4");
  }

  @Test
  void callersOfCallersAreFollowedAndCyclesEnd() throws Exception {
    Fact f = trigger(REUSABLE, ".github/workflows/middle.yml", """
        on: workflow_call
        jobs:
          s: {uses: ./.github/workflows/fork-smokes.yml}
          loop: {uses: ./.github/workflows/top.yml}
        """, ".github/workflows/top.yml", """
        on: [push, workflow_call]
        jobs:
          m: {uses: ./.github/workflows/middle.yml}
        """);
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(f)).contains("called by job `s` of .github/workflows/middle.yml")
        .contains("called by job `m` of .github/workflows/top.yml");
  }

  @Test
  void aWorkflowThatCouldNotBeReadMakesNoCallerUnknown() throws Exception {
    WorkflowFile target = WorkflowFile.parse(TARGET, REUSABLE);
    Fact f = CallerTrigger.fact(target, new WorkflowSet(List.of(target), List.of(CALLER + " is not valid YAML")),
        "fork/stable", () -> null, SHOW);
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("no readable workflow calls it").contains(CALLER + " is not valid YAML");
  }

  @Test
  void aWorkflowWithoutWorkflowCallIsNotJudgedThroughOthers() throws Exception {
    Fact f = trigger("on: pull_request\njobs: {}\n", CALLER, "on: push\njobs:\n  s:\n"
        + "    uses: ./.github/workflows/fork-smokes.yml\n");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).isEqualTo("pushes do not trigger " + TARGET + " (" + TARGET + ":1)");
  }
}
