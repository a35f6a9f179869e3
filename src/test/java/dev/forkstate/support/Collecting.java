package dev.forkstate.support;

import dev.forkstate.check.Judge;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.detect.ProjectDetector;
import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.DetectionNeeds;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** Runs one collector against a real repository with a config given as YAML text. */
public final class Collecting {
  private Collecting() {}

  public static FactSet run(Collector c, Path repo, String yaml, Map<String, String> env, boolean offline) {
    return run(c, repo, yaml, env, offline, CommandRunner.MACHINE_CAP_BYTES);
  }

  /** The collector's facts after the judge stage, as generate sees them: the policies applied with the same config. */
  public static FactSet judged(Collector c, Path repo, String yaml, Map<String, String> env, boolean offline) {
    return run(c, repo, yaml, env, offline, CommandRunner.MACHINE_CAP_BYTES, true);
  }

  /** With git's stdout kept up to {@code gitCapBytes}: a small cap forces the "output too large" path. */
  public static FactSet run(Collector c, Path repo, String yaml, Map<String, String> env, boolean offline,
      int gitCapBytes) {
    return run(c, repo, yaml, env, offline, gitCapBytes, false);
  }

  private static FactSet run(Collector c, Path repo, String yaml, Map<String, String> env, boolean offline,
      int gitCapBytes, boolean judge) {
    CommandRunner runner = new CommandRunner(env, Redactor.fromEnvironment(env));
    ForkstateConfig cfg = new ConfigLoader().parse(yaml, "forkstate.yml");
    GitCli git = new GitCli(repo, runner, gitCapBytes);
    var pool = Executors.newCachedThreadPool();
    // As generate does: only what the config leaves out is detected.
    var settings = SettingsResolver.resolve(cfg,
        ProjectDetector.detect(repo, git, pool, DetectionNeeds.forSettings(cfg)));
    try {
      List<Fact> facts = c.collect(new CollectContext(repo, settings, runner, offline, git, pool, List.of()));
      return judge ? Judge.apply(new FactSet(facts), settings) : new FactSet(facts);
    } finally {
      pool.shutdownNow();
    }
  }
}
