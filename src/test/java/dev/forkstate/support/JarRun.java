package dev.forkstate.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built forkstate.jar (the failsafe tests') as a process, with this test JVM's java. */
public final class JarRun {
  /** The jar failsafe names; target/forkstate.jar from an IDE. */
  public static final Path JAR = Path.of(System.getProperty("forkstate.jar", "target/forkstate.jar"));

  private JarRun() {}

  /** What the run printed and how it ended. */
  public record Result(int exit, String stdout, String stderr) {}

  /** Runs {@code java JVM-OPTIONS -jar forkstate.jar ARGS} in this environment only; its output goes to files in dir. */
  public static Result run(Path dir, Map<String, String> env, List<String> jvm, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("jar-run.out");
    Path err = dir.resolve("jar-run.err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("forkstate.jar did not finish within 120 s: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
