package dev.forkstate.cli;

import dev.forkstate.app.ListHistory;
import java.util.Map;

final class DiffCommand extends Subcommand {
  DiffCommand(Map<String, String> env) {
    super(env, "diff", "What changed between two recorded runs (numbers from forkstate history).");
    RepoOptions.addTo(this);
    spec.addPositional(CommandModel.parameter(0, "1", long.class, "RUN1", "The earlier run."));
    spec.addPositional(CommandModel.parameter(1, "1", long.class, "RUN2", "The later run."));
  }

  @Override
  public Integer call() {
    long from = CommandModel.parameterAt(spec, 0);
    long to = CommandModel.parameterAt(spec, 1);
    spec.commandLine().getOut().print(new ListHistory().diff(RepoOptions.repo(spec), RepoOptions.config(spec), from,
        to, env()));
    return 0;
  }
}
