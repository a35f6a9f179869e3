package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubTokenTest {
  @TempDir
  Path tmp;

  private GitHubToken find(Map<String, String> env) {
    return GitHubToken.find(env, new CommandRunner(env, Redactor.none()), tmp);
  }

  @Test
  void envFirstThenGhThenAnonymous() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Map<String, String> env = new HashMap<>(Map.of("PATH", bin + ":/usr/bin:/bin"));
    assertThat(find(env).source()).isEqualTo("none (anonymous)");
    assertThat(find(env).value()).isEmpty();

    Path gh = bin.resolve("gh");
    Files.writeString(gh, "#!/bin/sh\n[ \"$1 $2\" = \"auth token\" ] && echo gho_fromgh123456\n");
    Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(find(env).source()).isEqualTo("gh auth token");
    assertThat(find(env).value()).contains("gho_fromgh123456");

    env.put("GH_TOKEN", "ghp_second");
    assertThat(find(env).source()).isEqualTo("GH_TOKEN");
    env.put("GITHUB_TOKEN", "ghp_first");
    assertThat(find(env).source()).isEqualTo("GITHUB_TOKEN");
    assertThat(find(env).toString()).doesNotContain("ghp_first");
  }
}
