package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.collect.ci.PushExpression.Truth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/** needs.<job>.result on a push whose earlier jobs pass: "success" only for a needed job that runs on that push. */
class NeedsResultsTest {
  private static Map<String, Object> needsOf(String yaml, String job) throws WorkflowFile.Unreadable {
    WorkflowFile wf = WorkflowFile.parse("ci.yml", yaml);
    Node body = WorkflowFile.get(WorkflowFile.get(wf.root(), "jobs").orElseThrow(), job).orElseThrow();
    return NeedsResults.of(wf, body, "fork/stable");
  }

  @Test
  void aNeededJobThatRunsOnThePushSucceeds() throws Exception {
    Map<String, Object> known = needsOf("""
        on: push
        jobs:
          Build: {runs-on: x, steps: [{run: make}]}
          lint: {runs-on: x, if: "github.event_name == 'push'", needs: Build, steps: [{run: ruff}]}
          test: {needs: [build, lint], runs-on: x, steps: [{run: pytest}]}
        """, "test");
    assertThat(known).containsOnlyKeys("needs.build.result", "needs.lint.result");
    assertThat(PushExpression.evaluate("needs.Build.result == 'success' && needs.lint.result == 'success'",
        "fork/stable", known)).isEqualTo(Truth.TRUE);
    assertThat(PushExpression.evaluate("needs.build.outputs.x == 'y'", "fork/stable", known))
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aNeededJobSkippedOnPushOrOfUnknownFateIsNotGuessed() throws Exception {
    Map<String, Object> known = needsOf("""
        on: push
        jobs:
          pr: {if: "github.event_name == 'pull_request'", runs-on: x, steps: [{run: a}]}
          after-pr: {needs: pr, runs-on: x, steps: [{run: b}]}
          odd: {if: "matrix.x", runs-on: x, steps: [{run: c}]}
          test: {needs: [after-pr, odd, missing], runs-on: x, steps: [{run: pytest}]}
        """, "test");
    assertThat(known).isEmpty();
  }

  @Test
  void aCycleEnds() throws Exception {
    Map<String, Object> known = needsOf("""
        on: push
        jobs:
          a: {needs: b, runs-on: x, steps: [{run: a}]}
          b: {needs: a, runs-on: x, steps: [{run: b}]}
          test: {needs: a, runs-on: x, steps: [{run: pytest}]}
        """, "test");
    assertThat(known).isEmpty();
  }
}
