package dev.forkstate.cli;

import dev.forkstate.app.ListHistory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "What changed between two recorded runs (numbers from forkstate history).")
final class DiffCommand extends Subcommand implements Callable<Integer> {
  @Mixin
  RepoOptions where;

  @Parameters(index = "0", paramLabel = "RUN1", description = "The earlier run.")
  long from;

  @Parameters(index = "1", paramLabel = "RUN2", description = "The later run.")
  long to;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(new ListHistory().diff(where.repo, where.config, from, to, env()));
    return 0;
  }
}
