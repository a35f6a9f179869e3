package dev.forkstate.cli;

import dev.forkstate.app.VerifyReport;
import dev.forkstate.render.ClaimTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check the claims of any report (names, commands, Python code, env flags, branches, CI, "
        + "\"green\", prompt and sections of a state report) against the repository. "
        + "Exit 1 only when a claim is FALSE; UNVERIFIABLE never counts as TRUE.")
final class VerifyCommand extends Subcommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", description = "Report to check (default: STATE_OF_PROJECT.md in the repo).")
  Path report;

  @Mixin
  RepoOptions where;

  @Option(names = "--run", description = "Run commands the report calls green even when they are not configured "
      + "smokes, and the configured smokes for status said without a command.")
  boolean run;

  @Option(names = "--offline", description = "Touch no network: a workflow the report calls green is checked "
      + "from the tree only (its last push run is not read).")
  boolean offline;

  @Override
  public Integer call() {
    boolean json = where.format(spec) == dev.forkstate.app.GenerateRequest.Format.JSON;
    VerifyReport.Result r = new VerifyReport().run(new VerifyReport.Request(where.repo, report, json, run,
        where.config, env(), offline));
    spec.commandLine().getOut().print(r.rendered());
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().println("forkstate: " + ClaimTable.summary(r.claims()) + " (exit "
        + r.exitCode().code() + ")");
    return r.exitCode().code();
  }
}
