package dev.forkstate.collect;

import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What every collector may use: the repository root, the resolved settings, the one process runner and a thread
 * pool for independent commands (not the common pool: its parallelism is cores - 1, which serialises waits on 2 cores),
 * and the repository-relative paths forkstate itself writes (its report), which the working-tree facts leave out so
 * that writing a report does not change the next one; and the config file forkstate read (repository-relative, or
 * null), which the untracked count leaves out and names on its own; and the run's merge-bases, each computed once.
 */
public record CollectContext(Path repo, Settings settings, CommandRunner runner, boolean offline, GitCli git,
                             Executor pool, List<String> ownOutputs, String configFile, SharedQueries shared) {
  public CollectContext {
    ownOutputs = ownOutputs.stream().sorted().toList();
  }

  public CollectContext(Path repo, Settings settings, CommandRunner runner, boolean offline, GitCli git,
      Executor pool, List<String> ownOutputs, String configFile) {
    this(repo, settings, runner, offline, git, pool, ownOutputs, configFile, new SharedQueries(git));
  }

  public CollectContext(Path repo, Settings settings, CommandRunner runner, boolean offline, GitCli git,
      Executor pool, List<String> ownOutputs) {
    this(repo, settings, runner, offline, git, pool, ownOutputs, null);
  }

  public CollectContext(Path repo, Settings settings, CommandRunner runner, boolean offline, Executor pool) {
    this(repo, settings, runner, offline, new GitCli(repo, runner), pool, List.of());
  }

  /**
   * Why an upstream fact could not be measured when no upstream ref is set: one wording for every collector, since
   * the report groups facts that share a reason into one line.
   */
  public dev.forkstate.fact.Phrase noUpstreamRef() {
    return dev.forkstate.fact.Phrase.of("no upstream ref: " + settings.upstreamRef().source());
  }

  /** {@code git merge-base HEAD <ref>}: run by the first collector that asks, shared with the others. */
  public CommandResult mergeBase(String ref) {
    return shared.mergeBase(ref);
  }

  /** {@code git rev-parse --is-shallow-repository}: run by the first collector that asks, shared with the others. */
  public CommandResult shallow() {
    return shared.shallow();
  }
}
