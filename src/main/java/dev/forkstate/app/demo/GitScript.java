package dev.forkstate.app.demo;

import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.secret.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds real git repositories reproducibly: a fixed author, committer and clock (each commit one minute after the
 * last), no system or global git config, and main as the initial branch. Same script, same shas. Used by the demo
 * and by the tests.
 */
public final class GitScript {
  private static final long START_EPOCH = 1_767_225_600L; // 2026-01-01T00:00:00Z

  private final Path dir;
  private final CommandRunner runner;
  private long tick;

  public GitScript(Path dir, Map<String, String> baseEnv, long firstTick) {
    this.dir = dir;
    Map<String, String> env = new HashMap<>(baseEnv);
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_AUTHOR_NAME", "Demo Dev");
    env.put("GIT_AUTHOR_EMAIL", "dev@example.invalid");
    env.put("GIT_COMMITTER_NAME", "Demo Dev");
    env.put("GIT_COMMITTER_EMAIL", "dev@example.invalid");
    env.put("LC_ALL", "C");
    this.runner = new CommandRunner(env, Redactor.none());
    this.tick = firstTick;
  }

  public GitScript(Path dir) {
    this(dir, System.getenv(), 0);
  }

  public Path dir() {
    return dir;
  }

  /** Runs git in this repository; a failure is a bug in the script, so it throws with git's message. */
  public String git(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.addAll(List.of(args));
    String date = "@" + (START_EPOCH + 60 * tick) + " +0000";
    CommandResult r = runner.run(new CommandSpec(argv, String.join(" ", argv), dir,
        Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), Duration.ofMinutes(2)));
    if (!r.ok()) {
      throw new IllegalStateException(String.join(" ", argv) + " failed in " + dir + ": " + r.firstErrorLine());
    }
    return r.stdout();
  }

  public GitScript init() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git("init", "-q", "-b", "main");
    return this;
  }

  public GitScript write(String path, String content) {
    try {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Stages everything and commits at the next tick of the fixed clock. */
  public GitScript commit(String message) {
    git("add", "-A");
    tick++;
    git("commit", "-q", "--no-gpg-sign", "-m", message);
    return this;
  }

  public GitScript tag(String name) {
    tick++;
    git("tag", "-a", name, "-m", name);
    return this;
  }

  /** Clones {@code source} into {@code target}, continuing this script's clock. */
  public GitScript cloneTo(Path target, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("clone", "-q"));
    args.addAll(List.of(extraArgs));
    args.add(dir.toString());
    args.add(target.toString());
    git(args.toArray(String[]::new));
    return new GitScript(target, runner.baseEnv(), tick + 100);
  }
}
