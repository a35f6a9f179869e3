package dev.forkstate.cli;

import dev.forkstate.app.demo.GitScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run the {@code forkstate} launcher records its start-up archive from (the JDK's AOT cache, or the
 * class list of a class-data archive): the classes a run loads and the lambdas it links are stored from what this
 * run did, and whatever it did not do is loaded, verified and linked again on every real run. So it does what a
 * maintainer's runs do: the demo (a fork built, its smokes run, its first report written), then a second
 * {@code generate} of that fork, traced as the bench runs it, which takes the path of every later run: the previous
 * report read and merged, the stored runs read for trends, history recorded. Then the fork takes the paths the demo
 * never does, which a real fork often does: its config, workflow and smokes removed (what forkstate detects by itself,
 * required checks it cannot pass, the verdict's reasons) and a commit that conflicts with upstream (the merge
 * preview's conflicts), reported once more.
 * Not a user command: the launcher starts it by class name, and it prints nothing.
 */
public final class TrainingRun {
  private TrainingRun() {}

  /** {@code args[0]}: an empty or new folder to train in (the launcher's temp folder). */
  public static void main(String[] args) {
    train(Path.of(args[0]), System.getenv());
    System.exit(0); // the runs' pools and the exit hooks end as at the end of any run
  }

  /**
   * Runs the demo in {@code dir}/demo, generates its fork's report again, then once more after the fork diverged;
   * returns the three runs' exit codes.
   */
  static int[] train(Path dir, Map<String, String> env) {
    Main.startProcess("generate"); // as Main.main sets up a generate
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    int demo = Main.run(none, none, env, "demo", "--dir", dir.resolve("demo").toString());
    Map<String, String> traced = new HashMap<>(env);
    traced.put("FORKSTATE_TRACE", "1");
    long now = System.currentTimeMillis(); // as the launcher passes it when tracing (bash's $EPOCHREALTIME)
    traced.put("FORKSTATE_EXEC_AT", now / 1000 + "." + String.format("%03d", now % 1000));
    int again = Main.run(none, none, traced, "generate", "--offline", "--repo", fork(dir).toString());
    diverge(fork(dir), env);
    int diverged = Main.run(none, none, env, "generate", "--offline", "--repo", fork(dir).toString());
    return new int[] {demo, again, diverged};
  }

  /**
   * Removes the fork's forkstate.yml, workflow and smokes, and commits that with a README line where upstream changed
   * the same line since the fork was cut (DemoProject's "README: providers"): a content conflict in the merge preview.
   */
  static void diverge(Path fork, Map<String, String> env) {
    try (Stream<Path> smokes = Files.list(fork.resolve("tests/smoke"))) {
      for (Path smoke : smokes.toList()) {
        Files.delete(smoke);
      }
      Files.delete(fork.resolve("forkstate.yml"));
      Files.delete(fork.resolve(".github/workflows/fork-smokes.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new GitScript(fork, env, 1_000).write("README.md", "# minillm\n\nA tiny LLM gateway.\n\nThe fork routes through "
        + "router_core.\n").commit("README: the fork's router");
  }

  static Path fork(Path dir) {
    return dir.resolve("demo").resolve("fork");
  }
}
