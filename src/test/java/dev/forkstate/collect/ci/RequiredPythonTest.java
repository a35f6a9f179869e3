package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Shown;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B6: a matrix from a reusable workflow's input is read from the caller's `with:` or the input's default. */
class RequiredPythonTest {
  private static final String WF = ".github/workflows/fork-smokes.yml";
  private static final String CALLER = ".github/workflows/ci.yml";
  private static final Evidence SHOW = Evidence.ofCommand("cat " + WF);
  private static final String REUSABLE = """
      on:
        workflow_call:
          inputs:
            pythons:
              type: string
              %s
      jobs:
        smokes:
          runs-on: ubuntu-latest
          strategy:
            matrix:
              python-version: ${{ fromJson(inputs.pythons) }}
          steps:
            - uses: actions/setup-python@v5
              with:
                python-version: ${{ matrix.python-version }}
            - run: pytest -q tests/smoke
      """;

  private static Fact python(String workflow, String... callers) throws WorkflowFile.Unreadable {
    WorkflowFile wf = WorkflowFile.parse(WF, workflow);
    List<WorkflowFile> files = new ArrayList<>(List.of(wf));
    for (String c : callers) {
      files.add(WorkflowFile.parse(CALLER, c));
    }
    return RequiredPython.fact(wf, new WorkflowSet(files, List.of()).callersOf(WF), "3.12", SHOW);
  }

  private static String caller(String with) {
    return "on: push\njobs:\n  smokes:\n    uses: ./.github/workflows/fork-smokes.yml\n" + with;
  }

  @Test
  void theInputsDefaultIsReadWhenNoCallerPassesIt() throws Exception {
    Fact f = python(REUSABLE.formatted("default: '[\"3.11\", \"3.12\"]'"), caller(""));
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(f)).isEqualTo("job `smokes` runs Python 3.12: `${{ fromJson(inputs.pythons) }}` (" + WF
        + ":12) is `3.11, 3.12` from input `pythons`'s default (" + WF + ":6)");
    assertThat(python(REUSABLE.formatted("default: '[\"3.11\", \"3.12\"]'")).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aCallersWithValueIsRead() throws Exception {
    String dflt = REUSABLE.formatted("default: '[\"3.11\"]'");
    Fact f = python(dflt, caller("    with:\n      pythons: '[\"3.12\"]'\n"));
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(f)).contains("from job `smokes` of " + CALLER + " (" + CALLER + ":4) passes `pythons` ("
        + CALLER + ":6)");
    Fact seen = python(dflt, caller("    with:\n      pythons: '[\"3.10\", \"3.11\"]'\n"));
    assertThat(seen.status()).isEqualTo(Status.FAIL); // every value was seen, and none is 3.12
  }

  @Test
  void anExpressionForkstateCannotEvaluateIsUnknownQuotedNeverFail() throws Exception {
    Fact passed = python(REUSABLE.formatted("default: '[\"3.11\"]'"),
        caller("    with:\n      pythons: ${{ needs.setup.outputs.pythons }}\n"));
    assertThat(passed.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(passed)).contains("`${{ needs.setup.outputs.pythons }}`").contains("cannot evaluate");
    Fact noDefault = python(REUSABLE.formatted("required: true"));
    assertThat(noDefault.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(noDefault)).contains("`${{ fromJson(inputs.pythons) }}` (" + WF + ":12)")
        .contains("no default");
    Fact notJson = python(REUSABLE.formatted("default: '3.12, 3.13'"));
    assertThat(notJson.status()).isEqualTo(Status.UNKNOWN);
    assertThat(notJson.reason()).contains("not valid JSON");
    Fact other = python("on: push\njobs:\n  t:\n    strategy:\n      matrix:\n"
        + "        py: ${{ fromJSON(needs.plan.outputs.matrix) }}\n    steps: [{run: pytest}]\n");
    assertThat(other.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(other)).contains("`${{ fromJSON(needs.plan.outputs.matrix) }}` (" + WF + ":6)");
  }

  @Test
  void aPlainInputAndAVersionFileAreReadOrDoubted() throws Exception {
    Fact plain = python("""
        on:
          workflow_call:
            inputs:
              python: {type: string, default: '3.12'}
        jobs:
          t:
            steps:
              - uses: actions/setup-python@v5
                with: {python-version: '${{ inputs.python }}'}
        """);
    assertThat(plain.status()).isEqualTo(Status.PASS);
    Fact file = python("on: push\njobs:\n  t:\n    steps:\n      - uses: actions/setup-python@v5\n"
        + "        with: {python-version-file: .python-version}\n");
    assertThat(file.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(file)).contains("`.python-version`");
  }

  @Test
  void anExcludedVersionIsNotOneTheJobRuns() throws Exception {
    Fact f = python("""
        on: push
        jobs:
          t:
            strategy:
              matrix:
                python: ['3.11']
                os: [ubuntu-latest, windows-latest]
                exclude:
                  - {python: '3.12', os: windows-latest}
            steps: [{run: pytest}]
        """);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).isEqualTo("no job or matrix entry for Python 3.12 in " + WF);
  }
}
