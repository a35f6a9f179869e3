package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HalfMergedTreeTest {
  @TempDir
  Path tmp;

  @Test
  void aPassingSmokeOnATreeWithAMergeInProgressIsUnknownAndSaysSo() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript repo = new GitScript(tmp.resolve("r"), env, 0).init()
        .write("tests/test_a.py", "def test_a():\n    assert True\n").write("a.txt", "a\n").commit("one");
    repo.git("switch", "-q", "-c", "other");
    repo.write("a.txt", "theirs\n").commit("theirs");
    repo.git("switch", "-q", "main");
    repo.write("a.txt", "ours\n").commit("ours");
    ProcessBuilder pb = new ProcessBuilder(List.of("git", "merge", "other")).directory(repo.dir().toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com",
        "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.com"));
    assertThat(pb.start().waitFor()).isNotZero();
    Fact smoke = Collecting.run(new SmokeCollector(), repo.dir(),
        "smokes:\n  - name: s\n    command: pytest -q tests\nhappypath: {determinism_runs: 1}\n", env, true)
        .get("smoke.s").orElseThrow();
    assertThat(smoke.status()).isEqualTo(Status.UNKNOWN); // before: PASS, exit 0
    assertThat(Shown.summary(smoke)).contains("1 passed").contains("ran on a half-merged tree (merge)");
  }
}
