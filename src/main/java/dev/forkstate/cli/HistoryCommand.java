package dev.forkstate.cli;

import dev.forkstate.app.ListHistory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List the recorded runs, newest first (time, commit, branch, exit code, smokes, behind upstream).")
final class HistoryCommand extends Subcommand implements Callable<Integer> {
  @Mixin
  RepoOptions where;

  @Option(names = "--limit", defaultValue = "20", description = "How many runs (default: 20).")
  int limit;

  @Override
  public Integer call() {
    boolean json = where.format(spec) == dev.forkstate.app.GenerateRequest.Format.JSON;
    spec.commandLine().getOut().print(new ListHistory().run(where.repo, where.config, json, Math.max(1, limit),
        env()));
    return 0;
  }
}
