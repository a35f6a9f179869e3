package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import org.junit.jupiter.api.Test;

/** The push trigger read from workflow text as GitHub reads it; no repository needed. */
class PushTriggerTest {
  private static final String WF = ".github/workflows/ci.yml";
  private static final Evidence SHOW = Evidence.ofCommand("cat " + WF);

  private static Fact trigger(String yaml, String branch) throws WorkflowFile.Unreadable {
    return PushTrigger.fact(WorkflowFile.parse(WF, yaml), branch, SHOW);
  }

  @Test
  void aParenthesisInAFilterIsTextNotACrash() throws Exception {
    String yaml = "on:\n  push:\n    branches: ['feature/(x', 'release-1.0']\njobs: {}\n";
    Fact other = trigger(yaml, "fork/stable");
    assertThat(other.status()).isEqualTo(Status.FAIL);
    assertThat(other.summary()).isEqualTo("the push trigger's branches do not include `fork/stable` (" + WF + ":3)");
    assertThat(trigger(yaml, "feature/(x").status()).isEqualTo(Status.PASS);
    assertThat(trigger(yaml, "release-1x0").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aMalformedFilterIsUnknownNamingThePatternNeverPass() throws Exception {
    Fact f = trigger("on:\n  push:\n    branches: ['fork/**', 'feature/[x']\njobs: {}\n", "fork/stable");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("`feature/[x`").contains("never closed").contains(WF + ":3");
    Fact ignore = trigger("on:\n  push:\n    branches-ignore: ['+x']\njobs: {}\n", "fork/stable");
    assertThat(ignore.status()).isEqualTo(Status.UNKNOWN);
    assertThat(ignore.reason()).contains("`branches-ignore`").contains("`+x`");
  }

  @Test
  void laterPatternsOverrideEarlierOnes() throws Exception {
    String yaml = """
        on:
          push:
            branches:
              - 'fork/**'
              - '!fork/**-alpha'
              - 'fork/keep-alpha'
        jobs: {}
        """;
    assertThat(trigger(yaml, "fork/stable").status()).isEqualTo(Status.PASS);
    assertThat(trigger(yaml, "fork/stable").summary()).isEqualTo("pushes to `fork/stable` trigger it (" + WF + ":4)");
    assertThat(trigger(yaml, "fork/v2-alpha").status()).isEqualTo(Status.FAIL);
    assertThat(trigger(yaml, "fork/keep-alpha").status()).isEqualTo(Status.PASS);
  }

  @Test
  void onlyNegativePatternsIncludeNothing() throws Exception {
    Fact f = trigger("on:\n  push:\n    branches: ['!main']\njobs: {}\n", "fork/stable");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).contains("only `!` patterns");
  }

  @Test
  void branchesIgnoreExcludesInOrder() throws Exception {
    String yaml = "on:\n  push:\n    branches-ignore: ['fork/**', '!fork/stable']\njobs: {}\n";
    assertThat(trigger(yaml, "fork/stable").status()).isEqualTo(Status.PASS);
    Fact other = trigger(yaml, "fork/next");
    assertThat(other.status()).isEqualTo(Status.FAIL);
    assertThat(other.summary()).isEqualTo("`branches-ignore` excludes `fork/next` (" + WF + ":3)");
    assertThat(trigger("on:\n  push:\n    branches-ignore: main\njobs: {}\n", "fork/stable").status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void branchesWithBranchesIgnoreIsRejectedNotGuessed() throws Exception {
    Fact f = trigger("on:\n  push:\n    branches: ['fork/**']\n    branches-ignore: ['main']\njobs: {}\n",
        "fork/stable");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).contains("both `branches` and `branches-ignore`").contains(WF + ":3")
        .contains(WF + ":4");
  }

  @Test
  void aTagOnlyPushTriggerDoesNotRunForBranches() throws Exception {
    Fact f = trigger("on:\n  push:\n    tags: ['v*']\njobs: {}\n", "fork/stable");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.summary()).contains("filters only tags");
    assertThat(trigger("on:\n  push:\n    tags: ['v*']\n    branches: ['fork/*']\njobs: {}\n", "fork/stable")
        .status()).isEqualTo(Status.PASS);
  }

  @Test
  void anEmptyOrNestedFilterIsUnknown() throws Exception {
    assertThat(trigger("on:\n  push:\n    branches:\njobs: {}\n", "fork/stable").status())
        .isEqualTo(Status.UNKNOWN);
    assertThat(trigger("on:\n  push:\n    branches: [[a, b]]\njobs: {}\n", "fork/stable").status())
        .isEqualTo(Status.UNKNOWN);
  }
}
