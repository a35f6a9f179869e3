package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.error.UserError;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config is read while git finds the work tree's root, from the folder forkstate was started in: it is the
 * root's config that counts, wherever forkstate starts, and a config is never a reason to miss that the folder is not
 * in a repository.
 */
class WorkspaceTest {
  @TempDir
  Path tmp;

  private static final String CONFIG = "fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n";

  private GitScript repo(Map<String, String> env) {
    return new GitScript(tmp.resolve("repo"), env, 0).init().write("forkstate.yml", CONFIG)
        .write("sub/forkstate.yml", "fork_branch: [not: a: branch\n").commit("initial");
  }

  @Test
  void theRootsConfigIsReadAtTheRootAndFromASubfolder() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = repo(env);
    try (Workspace ws = Workspace.open(g.dir(), null, env)) {
      assertThat(ws.settings().forkBranch().value()).isEqualTo("fork/stable");
      assertThat(ws.configName()).isEqualTo("forkstate.yml");
    }
    // From sub/, whose own forkstate.yml does not parse: the root's is read, and the other's error is not raised.
    try (Workspace ws = Workspace.open(g.dir().resolve("sub"), null, env)) {
      assertThat(ws.repo).isEqualTo(g.dir().toRealPath());
      assertThat(ws.settings().forkBranch().value()).isEqualTo("fork/stable");
    }
  }

  @Test
  void aBrokenConfigOutsideARepositoryIsNotTheErrorShown() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("forkstate.yml"), "fork_branch: [not: a: branch\n");
    assertThatThrownBy(() -> Workspace.open(plain, null, env)).isInstanceOf(UserError.class)
        .hasMessageContaining("is not a git repository");
  }

  @Test
  void aBrokenConfigAtTheRootIsAUserErrorWhenTheSettingsAreRead() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = repo(env);
    Path broken = g.dir().resolve("sub/forkstate.yml");
    try (Workspace ws = Workspace.open(g.dir(), broken, env)) {
      assertThatThrownBy(ws::settings).isInstanceOf(UserError.class);
    }
    assertThatThrownBy(() -> Workspace.open(g.dir(), g.dir().resolve("missing.yml"), env))
        .isInstanceOf(UserError.class).hasMessageContaining("does not exist");
  }
}
