package dev.forkstate.cli;

import dev.forkstate.app.CheckReport;
import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import java.util.Map;

final class CheckCommand extends Subcommand {
  CheckCommand(Map<String, String> env) {
    super(env, "check",
        "Exit 1 when the committed report is stale: a fresh run finds a fact whose status differs.");
    RepoOptions.addTo(this);
    add(CommandModel.value("--report", String.class, "<report>", GenerateReport.DEFAULT_MD,
        "The committed report, relative to the repository (default: STATE_OF_PROJECT.md)."));
    add(CommandModel.flag("Touch no network in the fresh run.", "--offline"));
  }

  @Override
  public Integer call() {
    CheckReport.Result r = new CheckReport().run(new GenerateRequest(RepoOptions.repo(spec), "-",
        GenerateRequest.Format.MD, isSet("--offline"), RepoOptions.config(spec), env()), valueOf("--report"));
    r.differences().forEach(d -> spec.commandLine().getOut().println("- " + d));
    spec.commandLine().getErr().println("forkstate: " + r.message());
    return r.exit().code();
  }
}
