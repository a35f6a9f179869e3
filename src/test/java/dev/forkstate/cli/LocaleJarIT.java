package dev.forkstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.support.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar writes the same bytes whatever the user's locale: a Turkish one lower-cases "I" to a dotless i, an
 * Arabic one formats numbers with its own digits; forkstate runs in one locale of its own (Main).
 */
class LocaleJarIT {
  private static final Path JAR = Path.of(System.getProperty("forkstate.jar", "target/forkstate.jar"));

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

  /** Runs the jar with these JVM options; returns its stdout. */
  private String run(Map<String, String> env, List<String> jvm, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(tmp.resolve("err.txt").toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("forkstate.jar did not finish within 120 s");
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
