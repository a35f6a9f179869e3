package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingModulesTest {
  @TempDir
  Path repo;

  /** Output captured from a real instructor fork without its dependencies (pytest cuts long lines with "..."). */
  @Test
  void namesEachMissingDependencyOnceAndNeverAPytestTruncation() throws Exception {
    Files.createDirectories(repo.resolve("src/instructor"));
    String out = "E   ModuleNotFoundError: No module named 'openai'\n"
        + "ERROR tests/llm/test_a.py - ModuleNotFoundError: No module named 'anthro...\n"
        + "E   ModuleNotFoundError: No module named 'google.genai'\n"
        + "E   ImportError: No module named yaml\n"
        + "E   ModuleNotFoundError: No module named 'instructor.missing'\n";
    MissingModules.Found found = MissingModules.in(out, repo);
    assertThat(found.notInstalled()).containsExactly("google", "openai", "yaml");
    assertThat(found.own()).containsExactly("instructor.missing");
  }
}
