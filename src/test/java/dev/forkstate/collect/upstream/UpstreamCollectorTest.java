package dev.forkstate.collect.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamCollectorTest {
  @TempDir
  Path tmp;

  Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
  }

  @Test
  void measuresDriftAndFootprintLikeGitDoes() {
    GitScript fork = Repos.fork(tmp, env)[1];
    FactSet f = Collecting.run(new UpstreamCollector(), fork.dir(), "", env, true);
    assertThat(f.count(FactIds.UPSTREAM_AHEAD)).contains(1L);
    assertThat(f.count(FactIds.UPSTREAM_BEHIND)).contains(1L);
    // The collector counts; the upstream-merged check judges (WARN for any commit behind).
    assertThat(f.get(FactIds.UPSTREAM_BEHIND).orElseThrow().status()).isEqualTo(Status.INFO);
    assertThat(dev.forkstate.check.Checks.UPSTREAM_MERGED.evaluate(f).status()).isEqualTo(Status.WARN);
    Value.Changes added = (Value.Changes) f.get(FactIds.UPSTREAM_FILES_ADDED).orElseThrow().value();
    Value.Changes modified = (Value.Changes) f.get(FactIds.UPSTREAM_FILES_MODIFIED).orElseThrow().value();
    assertThat(added.files()).extracting(Value.FileChange::path).containsExactly("fork/new.py");
    assertThat(modified.files()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("lib/a.py");
      assertThat(c.added()).isEqualTo(1);
      assertThat(c.deleted()).isZero();
    });
    assertThat(((Value.Paths) f.get(FactIds.UPSTREAM_AREAS).orElseThrow().value()).paths())
        .containsExactly("fork/", "lib/");
    assertThat(f.get(FactIds.UPSTREAM_FILES_MODIFIED).orElseThrow().command())
        .isEqualTo("git diff --no-renames --numstat --diff-filter=M $(git merge-base HEAD upstream/main) HEAD");
  }

  /**
   * A LiteLLM fork whose upstream ref was last fetched 9 months earlier read "has every commit of upstream/main" and
   * "Current with upstream": none behind is only as new as the ref, so the fact dates the ref's newest commit.
   */
  @Test
  void noneBehindSaysHowOldTheUpstreamRefIs() {
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.git("merge", "-q", "--no-edit", "upstream/main");
    String tip = fork.git("log", "-1", "--format=%cs", "upstream/main").strip();
    FactSet f = Collecting.run(new UpstreamCollector(), fork.dir(), "", env, true);
    Fact behind = f.get(FactIds.UPSTREAM_BEHIND).orElseThrow();
    assertThat(f.count(FactIds.UPSTREAM_BEHIND)).contains(0L);
    assertThat(behind.summary()).isEqualTo("has every commit of upstream/main as last fetched (its newest commit is "
        + "from " + tip + "; git fetch upstream shows newer ones)");
    assertThat(behind.evidence()).extracting(dev.forkstate.fact.Evidence::command)
        .contains("git log -1 --format=%cs upstream/main");
    assertThat(dev.forkstate.check.Checks.UPSTREAM_MERGED.evaluate(f).status()).isEqualTo(Status.PASS);
  }

  /**
   * A fork that only edits upstream files (a LiteLLM fork, a 2012 requests fork): "top-level areas touched: litellm/,
   * tests/" cited `git diff --diff-filter=A`, which printed nothing. The command shown first lists the files.
   */
  @Test
  void theAreasCommandIsOneThatListsTheirFiles() {
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.git("rm", "-q", "fork/new.py");
    fork.git("commit", "-q", "-m", "only edits now");
    FactSet f = Collecting.run(new UpstreamCollector(), fork.dir(), "", env, true);
    assertThat(((Value.Paths) f.get(FactIds.UPSTREAM_AREAS).orElseThrow().value()).paths()).containsExactly("lib/");
    assertThat(f.get(FactIds.UPSTREAM_AREAS).orElseThrow().command())
        .isEqualTo("git diff --no-renames --numstat --diff-filter=M $(git merge-base HEAD upstream/main) HEAD");
  }

  /**
   * A real instructor fork merged upstream, then reverted the merge (`git revert -m 1`): git counts upstream merged
   * (0 behind), the tree holds none of it, and a plain `git merge upstream/main` says "Already up to date". It read
   * PASS "has every commit of upstream/main" and "Current with upstream".
   */
  @Test
  void aRevertedMergeOfUpstreamIsInTheHistoryNotTheTree() {
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.git("merge", "-q", "--no-edit", "upstream/main");
    String merge = fork.git("rev-parse", "HEAD").strip();
    FactSet merged = Collecting.run(new UpstreamCollector(), fork.dir(), "", env, true);
    assertThat(merged.get(FactIds.UPSTREAM_REVERTED_MERGES).orElseThrow().summary())
        .isEqualTo("no fork-side merge reverted whole");
    assertThat(dev.forkstate.check.Checks.UPSTREAM_MERGED.evaluate(merged).status()).isEqualTo(Status.PASS);

    fork.git("revert", "--no-edit", "-m", "1", merge);
    String revert = fork.git("rev-parse", "HEAD").strip();
    FactSet f = Collecting.run(new UpstreamCollector(), fork.dir(), "", env, true);
    assertThat(f.count(FactIds.UPSTREAM_BEHIND)).contains(0L);
    Fact reverted = f.get(FactIds.UPSTREAM_REVERTED_MERGES).orElseThrow();
    assertThat(reverted.summary()).isEqualTo("1 fork-side merge reverted whole: what it brought is in the history, "
        + "not in the tree");
    assertThat(dev.forkstate.support.Shown.items(reverted.value())).singleElement().asString()
        .startsWith("`" + revert.substring(0, 8) + "` reverts merge `" + merge.substring(0, 8) + "` whole")
        .endsWith(": the 1 commit of `upstream/main` it brought are in the history, not in the tree");
    dev.forkstate.check.Check.Verdict v = dev.forkstate.check.Checks.UPSTREAM_MERGED.evaluate(f);
    assertThat(v.status()).isEqualTo(Status.WARN);
    assertThat(v.reason().plain()).contains("by ancestry, but " + revert.substring(0, 8) + " reverts merge "
        + merge.substring(0, 8) + " whole")
        .endsWith("(revert the revert to take it in)");
  }

  /** A merge of the fork's own branch, reverted, is no upstream merge undone: upstream merged stays PASS. */
  @Test
  void aRevertedMergeOfTheForksOwnBranchIsNoUpstreamMatter() {
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.git("merge", "-q", "--no-edit", "upstream/main");
    fork.git("switch", "-q", "-c", "feature");
    fork.write("fork/feature.py", "X = 1\n").commit("feature");
    fork.git("switch", "-q", "fork/stable");
    fork.write("fork/other.py", "Y = 1\n").commit("other");
    fork.git("merge", "-q", "--no-edit", "feature");
    fork.git("revert", "--no-edit", "-m", "1", "HEAD");
    FactSet f = Collecting.run(new UpstreamCollector(), fork.dir(), "", env, true);
    assertThat(f.get(FactIds.UPSTREAM_REVERTED_MERGES).orElseThrow().summary())
        .isEqualTo("no fork-side merge reverted whole");
    assertThat(dev.forkstate.check.Checks.UPSTREAM_MERGED.evaluate(f).status()).isEqualTo(Status.PASS);
  }

  @Test
  void noUpstreamRemoteIsUnknownWithAHint() {
    GitScript plain = Repos.python(tmp.resolve("p"), env, Map.of());
    FactSet f = Collecting.run(new UpstreamCollector(), plain.dir(), "", env, true);
    for (FactId id : UpstreamCollector.IDS) {
      Fact fact = f.get(id).orElseThrow();
      assertThat(fact.status()).isEqualTo(Status.UNKNOWN);
      assertThat(fact.reason()).contains("git remote add upstream");
    }
  }

  @Test
  void configuredRefThatDoesNotResolveIsUnknownWithFetchHint() {
    GitScript fork = Repos.fork(tmp, env)[1];
    Fact f = Collecting.run(new UpstreamCollector(), fork.dir(), "upstream_ref: upstream/nope\n", env, true)
        .get(FactIds.UPSTREAM_BEHIND).orElseThrow();
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.reason()).contains("does not resolve").contains("git fetch upstream");
  }

  @Test
  void shallowCloneIsUnknownWithTheUnshallowHint() {
    GitScript up = Repos.fork(tmp, env)[0];
    GitScript shallow = new GitScript(tmp.resolve("shallow"), env, 0);
    up.git("clone", "-q", "--depth", "1", "file://" + up.dir(), shallow.dir().toString());
    shallow.git("remote", "add", "upstream", "file://" + up.dir());
    shallow.git("fetch", "-q", "--depth", "1", "upstream");
    FactSet f = Collecting.run(new UpstreamCollector(), shallow.dir(), "upstream_ref: upstream/main\n", env, true);
    Fact behind = f.get(FactIds.UPSTREAM_BEHIND).orElseThrow();
    assertThat(behind.status()).isEqualTo(Status.UNKNOWN);
    assertThat(behind.reason()).contains("git fetch --unshallow");
  }
}
