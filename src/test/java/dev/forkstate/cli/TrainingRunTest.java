package dev.forkstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.support.TestEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run takes the path of a maintainer's later runs, not only the demo's first one. */
class TrainingRunTest {
  @TempDir
  Path tmp;

  /** The training run sets the process's locale as Main does; the other tests in this JVM get theirs back. */
  private final java.util.Locale before = java.util.Locale.getDefault();

  @org.junit.jupiter.api.AfterEach
  void restoreLocale() {
    java.util.Locale.setDefault(before);
  }

  @Test
  void trainsOnTheDemoASecondRunThatUpdatesItsReportAndHistoryAndADivergedFork() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    int[] codes = TrainingRun.train(tmp.resolve("t"), env);
    // Without smokes and a workflow, the diverged fork's required checks cannot pass.
    assertThat(codes).containsExactly(0, 0, 1);
    Path fork = TrainingRun.fork(tmp.resolve("t"));
    String report = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
    assertThat(report).contains("## Executive Summary").contains("README.md (content;");
    assertThat(fork.resolve("forkstate.yml")).doesNotExist();
    assertThat(java.util.Locale.getDefault()).isEqualTo(java.util.Locale.US);
    assertThat(report).contains("required checks pass");
    StringWriter out = new StringWriter();
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), env, "history", "--repo",
        fork.toString())).isZero();
    // The second run found the first in history (the same commit and facts: kept once, not twice); the third is a
    // run of its own (another commit).
    assertThat(out.toString().lines().filter(l -> l.matches("^[0-9]+\\s.*"))).hasSize(2)
        .last().asString().contains("green");
  }
}
