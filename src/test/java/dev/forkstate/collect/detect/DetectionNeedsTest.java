package dev.forkstate.collect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.collect.GitCli;
import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.DetectionNeeds;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run detects only what its config leaves out: the settings are those that detecting everything gives, and a
 * config stating the fork branch, the upstream ref and the smokes costs git two commands (ls-files, remote get-url).
 */
class DetectionNeedsTest {
  @TempDir Path tmp;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private Path repo;
  private Map<String, String> env;

  @BeforeEach
  void fork() throws Exception {
    env = TestEnv.isolated(tmp.resolve("home"));
    GitScript upstream = new GitScript(tmp.resolve("upstream-proj"), env, 0).init()
        .write("pkg/a.py", "A = 1\n").write("tests/test_a.py", "def test_a():\n    pass\n").commit("upstream");
    GitScript f = upstream.cloneTo(tmp.resolve("fork"), "-o", "upstream");
    f.git("switch", "-q", "-c", "fork/stable");
    f.write("tests/smoke/test_s.py", "def test_s():\n    pass\n")
        .write(".github/workflows/fork-smokes.yml", "on: push\n")
        .write("docs/HAPPYPATH_GUIDE.md", "# guide\n")
        .write("scripts/live_check.py", "import os\nos.environ['OPENAI_API_KEY']\n").commit("fork");
    Files.writeString(f.dir().resolve("tests/smoke/test_untracked.py"), "def test_u():\n    pass\n");
    repo = f.dir();
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private GitCli git(Map<String, String> env) {
    return new GitCli(repo, new CommandRunner(env, Redactor.fromEnvironment(env)));
  }

  @Test
  void settingsAreTheSameAsWhenEverythingIsDetected() {
    GitCli git = git(env);
    var all = ProjectDetector.detect(repo, git, pool);
    for (String yaml : List.of("", "fork_branch: fork/stable\n", "upstream_ref: upstream/main\nproject: p\n",
        "fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n",
        "smokes: []\nci: {workflow: w.yml}\nguide: g.md\nlive_check: {command: x}\nassessment_prompt: How?\n",
        "ci: {job: '3.11'}\nguide: g.md\n")) {
      ForkstateConfig c = new ConfigLoader().parse(yaml, "forkstate.yml");
      var needed = ProjectDetector.detect(repo, git, pool, DetectionNeeds.forSettings(c));
      assertThat(SettingsResolver.resolve(c, needed)).as(yaml).isEqualTo(SettingsResolver.resolve(c, all));
    }
  }

  @Test
  void detectingEverythingStillFindsWhatInitProposes() {
    var d = ProjectDetector.detect(repo, git(env), pool);
    assertThat(d.repoName()).isEqualTo("fork");
    assertThat(d.currentBranch()).isEqualTo("fork/stable");
    assertThat(d.localBranches()).contains("fork/stable");
    assertThat(d.remoteBranches()).contains("upstream/main");
    assertThat(d.workflows()).containsExactly(".github/workflows/fork-smokes.yml");
    assertThat(d.smokeDirs()).containsExactly("tests/smoke", "tests");
    assertThat(d.guides()).containsExactly("docs/HAPPYPATH_GUIDE.md");
    assertThat(d.liveCheckScripts()).containsEntry("scripts/live_check.py", List.of("OPENAI_API_KEY"));
    assertThat(d.upstreamName()).isEqualTo("upstream-proj");
  }

  @Test
  void aConfigStatingBranchesAndSmokesCostsTwoGitCommands() throws Exception {
    Path trace = tmp.resolve("git-trace.txt");
    Map<String, String> traced = new HashMap<>(env);
    traced.put("GIT_TRACE", trace.toString());
    ForkstateConfig c = new ConfigLoader().parse("fork_branch: fork/stable\nupstream_ref: upstream/main\n"
        + "smokes: []\n", "forkstate.yml");
    ProjectDetector.detect(repo, git(traced), pool, DetectionNeeds.forSettings(c));
    List<String> commands = Files.readAllLines(trace).stream().filter(l -> l.contains("trace: built-in: git"))
        .map(l -> l.substring(l.indexOf("git "))).sorted().toList();
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).startsWith("git ls-files --cached --others --exclude-standard --");
    assertThat(commands.get(1)).isEqualTo("git remote get-url upstream");
  }
}
