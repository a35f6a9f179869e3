package dev.forkstate.cli;

import dev.forkstate.app.VerifyReport;
import dev.forkstate.render.ClaimTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check the claims of any STATE_OF_PROJECT.md (paths, commands, \"green\", prompt, sections) "
        + "against the repository. Exit 1 when a claim is FALSE.")
final class VerifyCommand extends Subcommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", description = "Report to check (default: STATE_OF_PROJECT.md in the repo).")
  Path report;

  @Option(names = "--repo", defaultValue = ".", description = "Repository the report describes (default: current folder).")
  Path repo;

  @Option(names = "--format", defaultValue = "md", description = "md or json (default: md).")
  String format;

  @Option(names = "--run", description = "Run commands the report calls green even when they are not configured smokes.")
  boolean run;

  @Option(names = "--config", description = "Config file (default: forkstate.yml in the repo).")
  Path config;

  @Override
  public Integer call() {
    boolean json = Formats.parse(format, spec) == dev.forkstate.app.GenerateRequest.Format.JSON;
    VerifyReport.Result r = new VerifyReport().run(new VerifyReport.Request(repo, report, json, run, config, env()));
    spec.commandLine().getOut().print(r.rendered());
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().println("forkstate: " + ClaimTable.summary(r.claims()) + " (exit "
        + r.exitCode().code() + ")");
    return r.exitCode().code();
  }
}
