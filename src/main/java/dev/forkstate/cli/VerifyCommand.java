package dev.forkstate.cli;

import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.VerifyReport;
import dev.forkstate.render.ClaimTable;
import java.nio.file.Path;
import java.util.Map;

final class VerifyCommand extends Subcommand {
  VerifyCommand(Map<String, String> env) {
    super(env, "verify", "Check the claims of any report (names, commands, Python code, env flags, branches, CI, "
        + "\"green\", prompt and sections of a state report) against the repository. "
        + "Exit 1 only when a claim is FALSE; UNVERIFIABLE never counts as TRUE.");
    spec.addPositional(CommandModel.parameter(0, "0..1", Path.class, "<report>",
        "Report to check (default: STATE_OF_PROJECT.md in the repo)."));
    RepoOptions.addTo(this);
    add(CommandModel.flag("Run commands the report calls green even when they are not configured "
        + "smokes, and the configured smokes for status said without a command.", "--run"));
    add(CommandModel.flag("Touch no network: a workflow the report calls green is checked "
        + "from the tree only (its last push run is not read).", "--offline"));
  }

  @Override
  public Integer call() {
    boolean json = RepoOptions.format(spec) == GenerateRequest.Format.JSON;
    Path report = CommandModel.parameterAt(spec, 0);
    VerifyReport.Result r = new VerifyReport().run(new VerifyReport.Request(RepoOptions.repo(spec), report, json,
        isSet("--run"), RepoOptions.config(spec), env(), isSet("--offline")));
    spec.commandLine().getOut().print(r.rendered());
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().println("forkstate: " + ClaimTable.summary(r.claims()) + " (exit "
        + r.exitCode().code() + ")");
    return r.exitCode().code();
  }
}
