package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Shown;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The push trigger read from workflow text as GitHub reads it; no repository needed. */
class PushTriggerTest {
  private static final String WF = ".github/workflows/ci.yml";
  private static final Evidence SHOW = Evidence.ofCommand("cat " + WF);

  private static Fact trigger(String yaml, String branch) throws WorkflowFile.Unreadable {
    return PushTrigger.fact(WorkflowFile.parse(WF, yaml), branch, () -> {
      throw new AssertionError("no paths filter here, so no file list is needed");
    }, SHOW);
  }

  @Test
  void aParenthesisInAFilterIsTextNotACrash() throws Exception {
    String yaml = "on:\n  push:\n    branches: ['feature/(x', 'release-1.0']\njobs: {}\n";
    Fact other = trigger(yaml, "fork/stable");
    assertThat(other.status()).isEqualTo(Status.FAIL);
    assertThat(other.summary()).isEqualTo("the push trigger's branches do not include fork/stable (" + WF + ":3)");
    assertThat(other.summaryPhrase().first(Phrase.Kind.BRANCH)).contains("fork/stable");
    assertThat(trigger(yaml, "feature/(x").status()).isEqualTo(Status.PASS);
    assertThat(trigger(yaml, "release-1x0").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aMalformedFilterIsUnknownNamingThePatternNeverPass() throws Exception {
    Fact f = trigger("on:\n  push:\n    branches: ['fork/**', 'feature/[x']\njobs: {}\n", "fork/stable");
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(f)).contains("`feature/[x`").contains("never closed").contains(WF + ":3");
    Fact ignore = trigger("on:\n  push:\n    branches-ignore: ['+x']\njobs: {}\n", "fork/stable");
    assertThat(ignore.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(ignore)).contains("`branches-ignore`").contains("`+x`");
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
    assertThat(trigger(yaml, "fork/stable").summary()).isEqualTo("pushes to fork/stable trigger it (" + WF + ":4)");
    assertThat(trigger(yaml, "fork/v2-alpha").status()).isEqualTo(Status.FAIL);
    assertThat(trigger(yaml, "fork/keep-alpha").status()).isEqualTo(Status.PASS);
  }

  @Test
  void onlyNegativePatternsIncludeNothing() throws Exception {
    Fact f = trigger("on:\n  push:\n    branches: ['!main']\njobs: {}\n", "fork/stable");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).contains("only `!` patterns");
  }

  @Test
  void branchesIgnoreExcludesInOrder() throws Exception {
    String yaml = "on:\n  push:\n    branches-ignore: ['fork/**', '!fork/stable']\njobs: {}\n";
    assertThat(trigger(yaml, "fork/stable").status()).isEqualTo(Status.PASS);
    Fact other = trigger(yaml, "fork/next");
    assertThat(other.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(other)).isEqualTo("`branches-ignore` excludes `fork/next` (" + WF + ":3)");
    assertThat(trigger("on:\n  push:\n    branches-ignore: main\njobs: {}\n", "fork/stable").status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void branchesWithBranchesIgnoreIsRejectedNotGuessed() throws Exception {
    Fact f = trigger("on:\n  push:\n    branches: ['fork/**']\n    branches-ignore: ['main']\njobs: {}\n",
        "fork/stable");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).contains("both `branches` and `branches-ignore`").contains(WF + ":3")
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

  // A5: a paths filter means only some pushes start the workflow.
  private static final List<String> TRACKED = List.of("README.md", "docs/index.md", "pkg/__init__.py", "pkg/core.py",
      "pkg/data.json", "tests/smoke/conftest.py", "tests/smoke/test_a.py", "tests/unit/test_b.py");

  private static Fact withPaths(String filter) throws WorkflowFile.Unreadable {
    String yaml = "on:\n  push:\n    branches: [fork/stable]\n" + filter + "jobs: {}\n";
    return PushTrigger.fact(WorkflowFile.parse(WF, yaml), "fork/stable",
        () -> WatchedFiles.of(TRACKED, List.of("tests/smoke"), Evidence.ofCommand("git ls-files")), SHOW);
  }

  @Test
  void aPathsFilterThatLeavesOutSmokeFilesIsWarnNamingTheFilter() throws Exception {
    Fact f = withPaths("    paths: ['pkg/**', 'tests/unit/**']\n");
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(f)).isEqualTo("pushes to `fork/stable` trigger it (" + WF + ":3) only when they touch: "
        + "`pkg/**`, `tests/unit/**` (" + WF + ":4); a push that changes only `tests/smoke/conftest.py` does not run it "
        + "(2 of the 4 tracked files in tests/smoke, pkg are outside the filter)");
    assertThat(f.evidence()).extracting(Evidence::command).contains("git ls-files");
  }

  @Test
  void aPathsFilterCoveringTheSmokesAndThePackageIsPassAndSaysSo() throws Exception {
    Fact f = withPaths("    paths: ['**.py', 'tests/**']\n");
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(f)).isEqualTo("pushes to `fork/stable` trigger it (" + WF + ":3) only when they touch: "
        + "`**.py`, `tests/**` (" + WF + ":4), which covers the smoke paths and the package: tests/smoke, pkg (4 tracked "
        + "files)");
  }

  @Test
  void pathsIgnoreIsReadTheOtherWayRound() throws Exception {
    assertThat(withPaths("    paths-ignore: ['docs/**', '**.md']\n").status()).isEqualTo(Status.PASS);
    Fact f = withPaths("    paths-ignore: ['tests/**']\n");
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(f)).contains("unless they touch only: `tests/**` (" + WF + ":4)")
        .contains("`tests/smoke/conftest.py` does not run it");
  }

  /**
   * A real fork's "weekly" workflow lists {@code push} with {@code paths-ignore: ['**']} so that only its schedule
   * runs it: no push runs it, yet it read WARN "pushes to main trigger it unless they touch only: **" and init picked
   * it as the CI that runs the smokes on push.
   */
  @Test
  void aPathsFilterThatLeavesOutEveryWatchedFileIsFail() throws Exception {
    Fact f = withPaths("    paths-ignore:\n      - \"**\" # only the schedule runs it\n");
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(f)).isEqualTo("pushes do not run it: its `paths-ignore` filter `**` (" + WF + ":5) leaves "
        + "out every one of the 4 tracked files in tests/smoke, pkg");
    assertThat(f.evidence()).extracting(Evidence::command).contains("git ls-files");
    assertThat(withPaths("    paths: ['docs/**']\n").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aPathsFilterThatCannotBeCheckedIsWarnNeverPass() throws Exception {
    String yaml = "on:\n  push:\n    paths: ['**']\njobs: {}\n";
    Fact f = PushTrigger.fact(WorkflowFile.parse(WF, yaml), "fork/stable",
        () -> WatchedFiles.of(TRACKED, List.of(), Evidence.ofCommand("git ls-files")), SHOW);
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.summary()).contains("only when they touch: ** (" + WF + ":3)")
        .contains("could not check").contains("no smoke test paths");
    Fact gitFailed = PushTrigger.fact(WorkflowFile.parse(WF, yaml), "fork/stable",
        () -> WatchedFiles.unreadable("git ls-files failed: not a git repository", Evidence.ofCommand("git ls-files")),
        SHOW);
    assertThat(gitFailed.status()).isEqualTo(Status.WARN);
  }

  @Test
  void pathsWithPathsIgnoreIsRejectedAndAMalformedPathIsUnknown() throws Exception {
    Fact both = withPaths("    paths: ['pkg/**']\n    paths-ignore: ['docs/**']\n");
    assertThat(both.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(both)).contains("both `paths` and `paths-ignore`");
    Fact bad = withPaths("    paths: ['pkg/[x']\n");
    assertThat(bad.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(bad)).contains("`pkg/[x`").contains(WF + ":4");
  }
}
