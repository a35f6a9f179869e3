package dev.forkstate.app;

import dev.forkstate.check.Checks;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.detect.ProjectDetector;
import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.Detected;
import dev.forkstate.config.DetectionNeeds;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.config.Nearest;
import dev.forkstate.config.Settings;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.error.UserError;
import dev.forkstate.exec.Await;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An opened repository, shared by the use cases that measure one: its root, the redactor and the process runner
 * built from the environment, a thread pool, and the settings (config merged with what was detected).
 */
final class Workspace implements AutoCloseable {
  final Path repo;
  final Redactor redactor;
  final CommandRunner runner;
  final GitCli git;
  final ExecutorService pool;
  private final Path configFile;
  private final CompletableFuture<ForkstateConfig> configured;
  private final CompletableFuture<Detected> detecting;

  private Workspace(Path repo, Redactor redactor, CommandRunner runner, Path configFile, ExecutorService pool,
      CompletableFuture<ForkstateConfig> configured) {
    this.repo = repo;
    this.redactor = redactor;
    this.runner = runner;
    this.git = new GitCli(repo, runner);
    this.configFile = configFile;
    this.pool = pool;
    this.configured = configured;
    this.detecting = configured.thenApplyAsync(
        c -> ProjectDetector.detect(repo, git, pool, DetectionNeeds.forSettings(c)), pool);
  }

  /**
   * Finds the work tree's root (a user error outside one) and checks an explicit config path exists. The config is
   * read while git looks for the root, from where it is when forkstate runs at the root, as it usually does (a few
   * milliseconds of the start-up, most of them the YAML reader's first use); when the root is elsewhere, it is read
   * from there once the root is known. Detection starts only once the config is read: a key it sets needs no git
   * command to detect it.
   */
  static Workspace open(Path repoDir, Path config, Map<String, String> env) {
    Redactor redactor = Redactor.fromEnvironment(env);
    CommandRunner runner = new CommandRunner(env, redactor);
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "forkstate-collect");
      t.setDaemon(true);
      return t;
    });
    try {
      Path guess = config != null ? config : repoDir.toAbsolutePath().normalize().resolve(ConfigLoader.FILE_NAME);
      CompletableFuture<ForkstateConfig> early = load(guess, pool);
      Path repo = repoRoot(repoDir, runner);
      Path configFile = config != null ? config : repo.resolve(ConfigLoader.FILE_NAME);
      if (config != null && !Files.isRegularFile(configFile)) {
        throw new UserError("config file " + configFile + " does not exist", null, "check --config");
      }
      CompletableFuture<ForkstateConfig> configured = configFile.equals(guess) ? early : load(configFile, pool);
      return new Workspace(repo, redactor, runner, configFile, pool, configured);
    } catch (RuntimeException e) {
      pool.shutdownNow();
      throw e;
    }
  }

  /** Reads the config on the pool; a config error is thrown where the settings are asked for ({@link #join}). */
  private static CompletableFuture<ForkstateConfig> load(Path file, ExecutorService pool) {
    return CompletableFuture.supplyAsync(() -> new ConfigLoader().load(file), pool);
  }

  /**
   * The config merged with what was detected. Both started when the workspace opened (both users ask for the
   * settings next), so the git commands run while the report target is read.
   */
  Settings settings() {
    ForkstateConfig config = Await.join(configured);
    validateRequired(config, configFile);
    return SettingsResolver.resolve(config, Await.join(detecting), configName());
  }

  /** The config file as the report names it: relative to the repository inside it, else its absolute path. */
  String configName() {
    String inRepo = configInRepo();
    if (inRepo != null) {
      return inRepo;
    }
    Path abs = configFile.toAbsolutePath().normalize();
    return Files.isRegularFile(abs) ? abs.toString().replace('\\', '/') : ConfigLoader.FILE_NAME;
  }

  /** The config file read, relative to the repository, when it exists inside it; else null. */
  String configInRepo() {
    Path abs = configFile.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs) || !abs.startsWith(repo)) {
      return null;
    }
    return repo.relativize(abs).toString().replace('\\', '/');
  }

  @Override
  public void close() {
    // Nothing the run's commands left outlives the run, for a caller in this JVM too (the CLI's exit hook covers
    // its own): the collection's last stage asked for that pass without waiting, so it is usually done by now.
    CommandRunner.settle();
    pool.shutdownNow();
  }

  /** The work tree's root; a user error when the folder is missing or not inside a work tree. */
  static Path repoRoot(Path given, CommandRunner runner) {
    Path dir = given.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new UserError("repository folder " + given + " does not exist", null, "check --repo");
    }
    // One call answers both "is this a work tree?" (it fails outside one, and in a bare repository) and "where is
    // its root?".
    var top = new GitCli(dir, runner).run("rev-parse", "--show-toplevel");
    if (!top.ok() || GitCli.firstLine(top).isEmpty()) {
      throw new UserError(dir + " is not a git repository", null,
          "run forkstate inside a git work tree, or pass --repo <path to one>");
    }
    return Path.of(GitCli.firstLine(top));
  }

  private static void validateRequired(ForkstateConfig config, Path file) {
    if (config.requiredChecks() == null) {
      return;
    }
    List<String> known = Checks.ids();
    for (String id : config.requiredChecks()) {
      if (!known.contains(id)) {
        String nearest = Nearest.of(id, known);
        throw new UserError("required check '" + id + "' does not exist", file.getFileName() + ": required_checks",
            nearest == null ? "known checks: " + String.join(", ", known) : "did you mean '" + nearest + "'?");
      }
    }
  }
}
