package dev.forkstate.cli;

import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.ListHistory;
import java.util.Map;

final class HistoryCommand extends Subcommand {
  HistoryCommand(Map<String, String> env) {
    super(env, "history",
        "List the recorded runs, newest first (time, commit, branch, exit code, smokes, behind upstream).");
    RepoOptions.addTo(this);
    add(CommandModel.value("--limit", int.class, "<limit>", "20", "How many runs (default: 20)."));
  }

  @Override
  public Integer call() {
    boolean json = RepoOptions.format(spec) == GenerateRequest.Format.JSON;
    int limit = valueOf("--limit");
    spec.commandLine().getOut().print(new ListHistory().run(RepoOptions.repo(spec), RepoOptions.config(spec), json,
        Math.max(1, limit), env()));
    return 0;
  }
}
