package dev.forkstate.cli;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Measure the repository and write STATE_OF_PROJECT.md (or .json).")
final class GenerateCommand extends Subcommand implements Callable<Integer> {
  @Option(names = "--repo", defaultValue = ".", description = "Repository to measure (default: current folder).")
  Path repo;

  @Option(names = "--out", description = "Output file, or - for stdout (default: STATE_OF_PROJECT.md in the repo).")
  String out;

  @Option(names = "--format", defaultValue = "md", description = "md or json (default: md).")
  String format;

  @Option(names = "--offline", description = "Touch no network: live check and CI status are SKIPPED.")
  boolean offline;

  @Option(names = "--config", description = "Config file (default: forkstate.yml in the repo).")
  Path config;

  @Option(names = "--force", description = "Replace an output file that forkstate did not write.")
  boolean force;

  @Override
  public Integer call() {
    GenerateRequest.Format f = Formats.parse(format, spec);
    GenerateResult r = new GenerateReport().run(new GenerateRequest(repo, out, f, offline, config, env(), force));
    Reporting.printResult(spec, r);
    return r.exitCode().code();
  }
}
