package dev.forkstate.collect.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real patterns from real forks, planted in one upstream and one fork: upstream added the same file the fork added
 * (add/add), upstream renamed a file the fork edited, upstream deleted a file the fork edited (modify/delete),
 * upstream landed two fork commits as one squash (superseded, no equivalent patch), a merge commit on the fork side;
 * and PR branches only on the remote, both local and remote, 200 commits ahead, with no commit of its own, and one
 * on upstream's own remote (not the fork's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamBadInputTest {
  private static final String CONFIG = "fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n";

  Map<String, String> env;
  FactSet upstreamability;
  FactSet prs;
  Path forkDir;
  String squash;
  String toolAdd;
  String toolMore;

  private static String lines(String tag, int n) {
    return IntStream.range(0, 30).mapToObj(i -> "v" + i + " = " + (i < n ? tag : "'base'") + "\n")
        .collect(Collectors.joining());
  }

  @BeforeAll
  void build(@TempDir Path tmp) {
    env = TestEnv.isolated(tmp.resolve("home"));
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("lib/a.py", lines("'base'", 0)).write("lib/gone.py", lines("'base'", 0)).write("README.md", "# up\n")
        .commit("base");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.git("switch", "-q", "-c", "fork/stable");
    fork.write("lib/a.py", lines("'fork'", 25)).commit("a: fork defaults");
    fork.write("lib/gone.py", lines("'fork'", 1)).commit("gone: fork tweak");
    fork.write("harness/run.py", "print('fork harness')\nRUNS = 1\n").commit("harness: fork's own");
    fork.write("tool/a.py", "A = 1\n").commit("tool: add");
    toolAdd = fork.git("rev-parse", "--short", "HEAD").strip();
    fork.write("tool/a.py", "A = 2\n").write("tool/b.py", "B = 1\n").commit("tool: more");
    toolMore = fork.git("rev-parse", "--short", "HEAD").strip();
    fork.git("switch", "-q", "-c", "side");
    fork.write("notes/side.md", "side\n").commit("notes: side");
    fork.git("switch", "-q", "fork/stable");
    fork.git("merge", "-q", "--no-ff", "--no-edit", "side");

    // Upstream: renames a.py (and edits its first line), deletes gone.py, adds its own harness/run.py, and lands the
    // fork's tool as one squash with the fork's final contents.
    GitScript later = new GitScript(up.dir(), env, 500);
    later.git("mv", "lib/a.py", "lib/b.py");
    later.write("lib/b.py", lines("'upstream'", 1)).commit("rename a.py to b.py");
    later.git("rm", "-q", "lib/gone.py");
    later.commit("drop gone.py");
    later.write("harness/run.py", "print('upstream harness')\nRUNS = 3\n").commit("harness: upstream's");
    later.write("tool/a.py", "A = 2\n").write("tool/b.py", "B = 1\n").commit("tool: land the tool (squash)");
    squash = later.git("rev-parse", "--short", "HEAD").strip();
    later.git("branch", "pr/upstream-own");
    fork.git("fetch", "-q", "upstream");

    GitScript prs = new GitScript(fork.dir(), env, 900);
    prs.git("switch", "-q", "-c", "pr/remote-only", "upstream/main");
    prs.write("docs/one.md", "one\n").commit("docs: one");
    prs.git("update-ref", "refs/remotes/origin/pr/remote-only", "HEAD");
    prs.git("switch", "-q", "-c", "pr/twin", "upstream/main");
    prs.write("docs/two.md", "two\n").commit("docs: two");
    prs.git("update-ref", "refs/remotes/origin/pr/twin", "HEAD");
    prs.git("switch", "-q", "-c", "pr/huge", "upstream/main");
    for (int i = 0; i < 12; i++) {
      prs.write("huge/f" + i + ".py", "X = " + i + "\n");
    }
    prs.commit("huge: start");
    String tree = prs.git("rev-parse", "HEAD^{tree}").strip();
    String tip = prs.git("rev-parse", "HEAD").strip();
    for (int i = 1; i < 200; i++) {
      tip = prs.git("commit-tree", tree, "-p", tip, "-m", "huge: step " + i).strip();
    }
    prs.git("update-ref", "refs/heads/pr/huge", tip);
    prs.git("branch", "pr/empty", "upstream/main");
    prs.git("switch", "-q", "fork/stable");
    prs.git("branch", "-q", "-D", "pr/remote-only");

    forkDir = fork.dir();
    upstreamability = Collecting.judged(new UpstreamabilityCollector(), fork.dir(), CONFIG, env, true);
    this.prs = Collecting.judged(new PrBranchCollector(), fork.dir(), CONFIG, env, true);
  }

  private static Fact get(FactSet facts, FactId id) {
    return facts.get(id).orElseThrow(() -> new AssertionError("no fact " + id + " in " + facts.all()));
  }

  @Test
  void addAddIsUpstreamAddingTheSameFileNotASeamProblem() {
    Fact preview = get(upstreamability, FactIds.UPSTREAM_MERGE_PREVIEW);
    assertThat(Shown.items(preview.value())).contains("`harness/run.py` (add/add: upstream added the same file; "
        + "likely the same work landed upstream; fork changed 2 lines)");
    assertThat(Shown.reason(preview)).contains("upstream added `harness/run.py` too: compare upstream's file with "
        + "the fork's copy, and drop the fork's copy when upstream holds the same work");
    assertThat(Shown.summary(preview)).contains("1 of them also added by upstream (add/add)");
  }

  @Test
  void aFileUpstreamRenamedCarriesTheForksLinesFromItsOldPath() {
    Fact preview = get(upstreamability, FactIds.UPSTREAM_MERGE_PREVIEW);
    assertThat(Shown.items(preview.value()))
        .contains("`lib/b.py` (content; upstream renamed it from `lib/a.py`; fork changed 50 lines)");
    assertThat(preview.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.reason(preview)).contains("move the fork's edits behind a seam");
  }

  @Test
  void modifyDeleteIsNamedAsSuch() {
    Fact preview = get(upstreamability, FactIds.UPSTREAM_MERGE_PREVIEW);
    assertThat(Shown.items(preview.value())).contains("`lib/gone.py` (modify/delete; fork changed 2 lines)");
  }

  @Test
  void aSquashUpstreamSupersedesTheForkCommitsItHolds() {
    Fact sup = get(upstreamability, FactIds.UPSTREAM_PATCHES_SUPERSEDED);
    assertThat(sup.status()).isEqualTo(Status.INFO);
    assertThat(Shown.summary(sup)).startsWith("2 of 6 non-merge fork commits superseded by upstream: every file they "
        + "touch is already identical at `upstream/main`");
    // Newest first, as git log lists them; the first fork commit's a.py was rewritten since: HEAD's copy is compared.
    assertThat(Shown.items(sup.value())).containsExactly(
        "`" + toolMore + "` tool: more: superseded by `" + squash + "` tool: land the tool (squash) (`git diff --stat "
            + toolMore + " upstream/main -- tool/a.py tool/b.py` prints nothing)",
        "`" + toolAdd + "` tool: add: superseded by `" + squash + "` tool: land the tool (squash) (`git diff --stat "
            + "HEAD upstream/main -- tool/a.py` prints nothing)");
    // git cherry sees no equivalent patch: the squash is one commit for two.
    assertThat(Shown.summary(get(upstreamability, FactIds.UPSTREAM_PATCHES_UPSTREAMED)))
        .isEqualTo("no fork commit has an equivalent patch upstream");
    assertThat(Shown.summary(get(upstreamability, FactIds.UPSTREAM_PATCHES_FORK_ONLY))).isEqualTo("4 of 6 non-merge "
        + "fork commits are fork-only (no equivalent patch upstream, and their files are not already upstream); 1 "
        + "merge commit not counted");
  }

  @Test
  void aPrBranchOnlyOnTheRemoteIsReadFromIt() {
    Fact remote = get(prs, FactIds.pr("pr/remote-only"));
    assertThat(remote.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(remote)).isEqualTo("`pr/remote-only`: ready: 1 commit, 1 file (+1 -0), merges cleanly "
        + "into `upstream/main`");
    assertThat(Shown.items(remote.value()))
        .contains("read from the remote-tracking branch `origin/pr/remote-only` (no local branch)");
  }

  @Test
  void aLocalBranchAndItsRemoteTwinAreOneBranch() {
    Fact twin = get(prs, FactIds.pr("pr/twin"));
    assertThat(Shown.items(twin.value())).contains("also `origin/pr/twin`: not measured; the local branch is")
        .noneMatch(i -> i.startsWith("read from"));
    assertThat(prs.withPrefix(FactIds.PR_PREFIX)).extracting(f -> f.id().value())
        .containsExactly("pr.pr-empty", "pr.pr-huge", "pr.pr-remote-only", "pr.pr-twin");
  }

  @Test
  void a200CommitBranchIsNotReadyAndSaysWhy() {
    Fact huge = get(prs, FactIds.pr("pr/huge"));
    assertThat(huge.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(huge)).isEqualTo("`pr/huge`: not ready: 200 commits ahead (bound pr_bounds.max_commits: "
        + "5), 12 files changed (bound pr_bounds.max_files: 10); split it into surgical branches cut from "
        + "`upstream/main`");
    assertThat(Shown.items(huge.value())).contains("size against `upstream/main`: 200 commits, 12 files (+12 -0 lines)",
        "merges cleanly into `upstream/main`");
    assertThat(huge.evidence()).anyMatch(e -> e.command().equals("git diff --shortstat upstream/main...pr/huge"));
  }

  @Test
  void aPrBranchWithNoCommitOfItsOwnSaysSo() {
    Fact empty = get(prs, FactIds.pr("pr/empty"));
    assertThat(empty.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(empty)).isEqualTo("`pr/empty`: no commit of its own (0 ahead of `upstream/main`): "
        + "nothing to propose; delete it");
  }

  @Test
  void theBoundsComeFromTheConfig() {
    String loose = CONFIG + "pr_bounds: {max_commits: 300, max_files: 20}\n";
    Fact huge = get(Collecting.judged(new PrBranchCollector(), forkDir, loose, env, true), FactIds.pr("pr/huge"));
    assertThat(huge.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(huge)).startsWith("`pr/huge`: ready: 200 commits, 12 files");
  }

}
