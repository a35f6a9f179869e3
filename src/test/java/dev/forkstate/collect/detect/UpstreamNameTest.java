package dev.forkstate.collect.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.config.AssessmentPrompt;
import dev.forkstate.config.ForkstateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamNameTest {
  @TempDir Path tmp;

  @Test
  void theRemoteUrlsRepositoryNameWins() throws Exception {
    Files.writeString(tmp.resolve("pyproject.toml"), "[project]\nname = \"other\"\n");
    assertThat(UpstreamName.of("https://github.com/celery/celery.git", tmp)).isEqualTo("celery");
    assertThat(UpstreamName.of("git@github.com:BerriAI/litellm.git", tmp)).isEqualTo("litellm");
    assertThat(UpstreamName.of("/srv/git/minillm/", tmp)).isEqualTo("minillm");
  }

  @Test
  void withoutARemoteThePyprojectNameIsUsed() throws Exception {
    assertThat(UpstreamName.of(null, tmp)).isNull();
    Files.writeString(tmp.resolve("pyproject.toml"),
        "[build-system]\nname = \"no\"\n\n[project]\nversion = \"1\"\nname = 'celery'\n[tool.x]\nname = \"no\"\n");
    assertThat(UpstreamName.of("", tmp)).isEqualTo("celery");
  }

  @Test
  void aLiteLlmForkKeepsTheSeedPromptAndOthersGetTheirName() {
    assertThat(AssessmentPrompt.forUpstream("litellm")).isEqualTo(ForkstateConfig.SEED_PROMPT);
    assertThat(AssessmentPrompt.forUpstream(null)).isEqualTo(ForkstateConfig.SEED_PROMPT);
    assertThat(AssessmentPrompt.forUpstream("celery")).isEqualTo("With blunt criticalal expert-level honest "
        + "assessment, How does our fork compare with with the original celery");
  }
}
