package dev.forkstate.collect.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.TestEnv;
import dev.forkstate.support.Shown;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStateCollectorTest {
  @TempDir
  Path tmp;

  Map<String, String> env;
  GitScript repo;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("r"), env, 0).init();
    repo.write("a.txt", "a\n").commit("one").write("b.txt", "b\n").commit("two");
  }

  private FactSet collect(String yaml) {
    return Collecting.run(new GitStateCollector(), repo.dir(), yaml, env, true);
  }

  /** A merge that stops on a conflict: git exits 1, so GitScript (which throws on failure) cannot run it. */
  private void gitExpectingFailure(String... args) throws Exception {
    java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("git"));
    argv.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(repo.dir().toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com",
        "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.com"));
    assertThat(pb.start().waitFor()).isNotZero();
  }

  @Test
  void aMergeOrCherryPickStoppedOnAConflictIsAFailThatNamesIt() throws Exception {
    repo.git("switch", "-q", "-c", "other");
    repo.write("a.txt", "theirs\n").commit("theirs");
    repo.git("switch", "-q", "main");
    repo.write("a.txt", "ours\n").commit("ours");
    gitExpectingFailure("merge", "other");
    var dirty = collect("fork_branch: main\n").get(FactIds.GIT_WORKTREE_DIRTY).orElseThrow();
    assertThat(dirty.status()).isEqualTo(Status.FAIL); // before: PASS/WARN, and the smokes ran on the half-merged tree
    assertThat(Shown.summary(dirty)).startsWith("merge in progress, 1 path unresolved: the working tree is half-merged");
    assertThat(Shown.reason(dirty)).contains("git merge --abort");

    repo.git("merge", "--abort");
    gitExpectingFailure("cherry-pick", "other");
    var picked = collect("fork_branch: main\n").get(FactIds.GIT_WORKTREE_DIRTY).orElseThrow();
    assertThat(Shown.summary(picked)).startsWith("cherry-pick in progress");
    repo.git("cherry-pick", "--abort");
    assertThat(collect("fork_branch: main\n").get(FactIds.GIT_WORKTREE_DIRTY).orElseThrow().status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void onTheForkBranchIsPass() {
    FactSet f = collect("fork_branch: main\n");
    assertThat(f.get(FactIds.GIT_BRANCH_CURRENT).orElseThrow().status()).isEqualTo(Status.PASS);
    assertThat(f.text(FactIds.GIT_HEAD_SHA)).contains(repo.git("rev-parse", "HEAD").strip());
  }

  @Test
  void onAnotherBranchIsFailWithTheSwitchCommand() {
    FactSet f = collect("fork_branch: fork/stable\n");
    var b = f.get(FactIds.GIT_BRANCH_CURRENT).orElseThrow();
    assertThat(b.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.reason(b)).isEqualTo("run `git switch fork/stable`");
  }

  @Test
  void forkBranchNotConfiguredNorDetectedIsUnknown() {
    var b = collect("").get(FactIds.GIT_BRANCH_CURRENT).orElseThrow();
    assertThat(b.status()).isEqualTo(Status.UNKNOWN);
    assertThat(b.reason()).contains("fork_branch");
  }

  @Test
  void detachedAtTheForkBranchTipIsPassElsewhereFail() {
    repo.git("checkout", "-q", "--detach", "main");
    assertThat(collect("fork_branch: main\n").get(FactIds.GIT_BRANCH_CURRENT).orElseThrow().status())
        .isEqualTo(Status.PASS);
    repo.git("checkout", "-q", "--detach", "HEAD~1");
    var b = collect("fork_branch: main\n").get(FactIds.GIT_BRANCH_CURRENT).orElseThrow();
    assertThat(b.status()).isEqualTo(Status.FAIL);
    assertThat(b.summary()).contains("detached HEAD");
    assertThat(collect("fork_branch: main\n").get(FactIds.GIT_TRACKING_REMOTE).orElseThrow().status())
        .isEqualTo(Status.WARN);
  }

  @Test
  void noTagsAtAllIsFailAndATagBehindHeadIsWarn() {
    FactSet none = collect("");
    // No tag is a measurement (INFO, no value); tag-present turns it into FAIL.
    assertThat(none.get(FactIds.GIT_TAGS_NEAREST).orElseThrow().status()).isEqualTo(Status.INFO);
    assertThat(none.get(FactIds.GIT_TAGS_NEAREST).orElseThrow().value()).isInstanceOf(dev.forkstate.fact.Value.None.class);
    assertThat(new dev.forkstate.check.TagPresentCheck().evaluate(none).status()).isEqualTo(Status.FAIL);
    assertThat(none.get(FactIds.GIT_TAGS_AT_HEAD).orElseThrow().status()).isEqualTo(Status.WARN);
    assertThat(none.text(FactIds.GIT_DESCRIBE)).contains(repo.git("rev-parse", "--short", "HEAD").strip());
    repo.tag("v1");
    repo.write("c.txt", "c\n").commit("three");
    FactSet behind = collect("");
    assertThat(behind.text(FactIds.GIT_TAGS_NEAREST)).contains("v1");
    assertThat(new dev.forkstate.check.TagPresentCheck().evaluate(behind).status()).isEqualTo(Status.WARN);
    assertThat(behind.text(FactIds.GIT_DESCRIBE).orElseThrow()).startsWith("v1-1-g");
  }

  @Test
  void upstreamTagsAreTheForksBaseNotItsRelease() {
    GitScript fork = dev.forkstate.support.Repos.fork(tmp.resolve("f"), env)[1];
    String yaml = "upstream_ref: upstream/main\n";
    // Upstream tagged v1; the fork has no tag of its own: FAIL, naming v1 as the upstream base.
    FactSet none = Collecting.run(new GitStateCollector(), fork.dir(), yaml, env, true);
    assertThat(none.get(FactIds.GIT_TAGS_NEAREST).orElseThrow().value())
        .isInstanceOf(dev.forkstate.fact.Value.None.class);
    assertThat(none.text(FactIds.GIT_TAGS_UPSTREAM_BASE)).contains("v1");
    var fail = new dev.forkstate.check.TagPresentCheck().evaluate(none);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.reason().plain()).contains("upstream base").contains("v1");
    // A fork release tag on a fork-only commit behind HEAD: WARN, naming the fork's tag.
    fork.tag("v1-fork.1");
    fork.write("fork/more.py", "M = 1\n").commit("more fork work");
    FactSet behind = Collecting.run(new GitStateCollector(), fork.dir(), yaml, env, true);
    assertThat(behind.text(FactIds.GIT_TAGS_NEAREST)).contains("v1-fork.1");
    assertThat(behind.get(FactIds.GIT_TAGS_NEAREST).orElseThrow().command())
        .isEqualTo("git tag --merged HEAD --no-merged upstream/main --sort=-creatordate");
    var warn = new dev.forkstate.check.TagPresentCheck().evaluate(behind);
    assertThat(warn.status()).isEqualTo(Status.WARN);
    assertThat(warn.reason().plain()).contains("v1-fork.1").doesNotContain("v1 ");
    // A tag at HEAD: PASS.
    fork.tag("v1-fork.2");
    FactSet at = Collecting.run(new GitStateCollector(), fork.dir(), yaml, env, true);
    assertThat(new dev.forkstate.check.TagPresentCheck().evaluate(at).status()).isEqualTo(Status.PASS);
  }

  @Test
  void withoutAnUpstreamRefTheReasonSaysTagsCouldNotBeToldApart() {
    repo.tag("v1");
    repo.write("c.txt", "c\n").commit("three");
    var warn = new dev.forkstate.check.TagPresentCheck().evaluate(collect(""));
    assertThat(warn.status()).isEqualTo(Status.WARN);
    assertThat(warn.reason().plain()).contains("could not be told apart");
  }

  @Test
  void dirtyAndUntrackedAreCounted() throws Exception {
    java.nio.file.Files.writeString(repo.dir().resolve("a.txt"), "changed\n");
    java.nio.file.Files.writeString(repo.dir().resolve("new1.txt"), "n\n");
    java.nio.file.Files.writeString(repo.dir().resolve("new2.txt"), "n\n");
    FactSet f = collect("");
    assertThat(f.count(FactIds.GIT_WORKTREE_DIRTY)).contains(1L);
    assertThat(f.count(FactIds.GIT_WORKTREE_UNTRACKED)).contains(2L);
    assertThat(f.get(FactIds.GIT_WORKTREE_DIRTY).orElseThrow().status()).isEqualTo(Status.WARN);
  }

  @Test
  void theConfigReadIsNotCountedAsUntrackedButNamed() throws Exception {
    java.nio.file.Files.writeString(repo.dir().resolve("forkstate.yml"), "project: x\n");
    java.nio.file.Files.writeString(repo.dir().resolve("new1.txt"), "n\n");
    var runner = new dev.forkstate.exec.CommandRunner(env, dev.forkstate.secret.Redactor.fromEnvironment(env));
    var git = new dev.forkstate.collect.GitCli(repo.dir(), runner);
    var settings = dev.forkstate.config.SettingsResolver.resolve(dev.forkstate.config.ForkstateConfig.empty(),
        dev.forkstate.collect.detect.ProjectDetector.detect(repo.dir(), git, Runnable::run));
    FactSet f = new FactSet(new GitStateCollector().collect(new dev.forkstate.collect.CollectContext(repo.dir(),
        settings, runner, true, git, Runnable::run, java.util.List.of(), "forkstate.yml")));
    var untracked = f.get(FactIds.GIT_WORKTREE_UNTRACKED).orElseThrow();
    assertThat(f.count(FactIds.GIT_WORKTREE_UNTRACKED)).contains(1L);
    assertThat(untracked.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(untracked)).isEqualTo(
        "forkstate.yml is not committed (the config forkstate read: commit it); 1 other untracked path (not in any "
            + "commit)");
    java.nio.file.Files.delete(repo.dir().resolve("new1.txt"));
    f = new FactSet(new GitStateCollector().collect(new dev.forkstate.collect.CollectContext(repo.dir(),
        settings, runner, true, git, Runnable::run, java.util.List.of(), "forkstate.yml")));
    assertThat(f.count(FactIds.GIT_WORKTREE_UNTRACKED)).contains(0L);
    assertThat(Shown.summary(f.get(FactIds.GIT_WORKTREE_UNTRACKED).orElseThrow()))
        .isEqualTo("forkstate.yml is not committed (the config forkstate read: commit it); no other untracked files");
  }

  @Test
  void trackingRemoteAheadAndBehind() {
    GitScript clone = repo.cloneTo(tmp.resolve("clone"));
    clone.write("d.txt", "d\n").commit("local only");
    FactSet f = Collecting.run(new GitStateCollector(), clone.dir(), "", env, true);
    assertThat(f.text(FactIds.GIT_TRACKING_REMOTE)).contains("origin/main");
    assertThat(f.count(FactIds.GIT_TRACKING_AHEAD)).contains(1L);
    assertThat(f.count(FactIds.GIT_TRACKING_BEHIND)).contains(0L);
    assertThat(f.get(FactIds.GIT_TRACKING_AHEAD).orElseThrow().summary()).contains("CI has not seen them");
  }

  @Test
  void repositoryWithoutCommitsIsUnknownNotAnError() {
    GitScript empty = new GitScript(tmp.resolve("empty"), env, 0).init();
    FactSet f = Collecting.run(new GitStateCollector(), empty.dir(), "", env, true);
    assertThat(f.get(FactIds.GIT_HEAD_SHA).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
  }
}
