package dev.forkstate.cli;

import dev.forkstate.app.CheckReport;
import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Exit 1 when the committed report is stale: a fresh run finds a fact whose status differs.")
final class CheckCommand extends Subcommand implements Callable<Integer> {
  @Mixin
  RepoOptions where;

  @Option(names = "--report", defaultValue = GenerateReport.DEFAULT_MD,
      description = "The committed report, relative to the repository (default: STATE_OF_PROJECT.md).")
  String report;

  @Option(names = "--offline", description = "Touch no network in the fresh run.")
  boolean offline;

  @Override
  public Integer call() {
    CheckReport.Result r = new CheckReport().run(new GenerateRequest(where.repo, "-", GenerateRequest.Format.MD,
        offline, where.config, env()), report);
    r.differences().forEach(d -> spec.commandLine().getOut().println("- " + d));
    spec.commandLine().getErr().println("forkstate: " + r.message());
    return r.exit().code();
  }
}
