package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.collect.ci.GitHubToken;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the token {@code gh auth token} prints is in no variable the redactor reads. It is read whole (the run's
 * redactor knows the gho_ shape and would hand back the mask instead), and from then on the run's redactor masks it
 * in every form, including where no shape rule would find it.
 */
class GitHubTokenRedactionTest {
  @TempDir
  Path tmp;

  @Test
  void theGhTokenIsReadWholeAndAddedToTheRunsRedactor() throws Exception {
    // Not gh's usual shape on purpose: only remembering it can mask it.
    String token = "enterprise-token-7f3a9c2e";
    String shaped = "gho_0123456789abcdefghijABCDEFGHIJ012345";
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path gh = bin.resolve("gh");
    Files.writeString(gh, "#!/bin/sh\n[ \"$1 $2\" = \"auth token\" ] && echo \"$FAKE_GH_PRINTS\"\n");
    Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String printed : new String[] {token, shaped}) {
      Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "FAKE_GH_PRINTS", printed);
      Redactor redactor = Redactor.fromEnvironment(env);
      assertThat(redactor.redact("echo " + token)).isEqualTo("echo " + token);

      GitHubToken found = CollectorPlan.rememberedToken(new CommandRunner(env, redactor), tmp, redactor);

      assertThat(found.value()).contains(printed);
      assertThat(found.source()).isEqualTo("gh auth token");
      assertThat(redactor.redact("401 for " + printed + " in \"" + printed + "\""))
          .isEqualTo("401 for [REDACTED] in \"[REDACTED]\"");
    }
  }
}
