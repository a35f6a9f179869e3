package dev.forkstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.support.JarRun;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar writes the same bytes whatever the user's locale: a Turkish one lower-cases "I" to a dotless i, an
 * Arabic one formats numbers with its own digits; forkstate runs in one locale of its own (Main).
 */
class LocaleJarIT {
  @TempDir
  Path tmp;

  @Test
  void theReportAndTheHistoryListingDoNotDependOnTheUsersLocale() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    Path fork = DemoProject.build(tmp.resolve("demo"), env);
    String plain = run(env, List.of(), "generate", "--repo", fork.toString(), "--out", "-");
    assertThat(plain).contains("## Executive Summary");
    for (List<String> locale : List.of(List.of("-Duser.language=tr", "-Duser.country=TR"),
        List.of("-Duser.language=ar", "-Duser.country=SA"))) {
      assertThat(run(env, locale, "generate", "--repo", fork.toString(), "--out", "-")).as("%s", locale)
          .isEqualTo(plain);
    }
    String history = run(env, List.of(), "history", "--repo", fork.toString());
    assertThat(run(env, List.of("-Duser.language=ar", "-Duser.country=SA"), "history", "--repo", fork.toString()))
        .isEqualTo(history).containsPattern("(?m)^1 ");
  }

  private String run(Map<String, String> env, List<String> jvm, String... args) throws Exception {
    return JarRun.run(tmp, env, jvm, args).stdout();
  }
}
