package dev.forkstate.cli;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Measure the repository and write STATE_OF_PROJECT.md (or .json).")
final class GenerateCommand extends Subcommand implements Callable<Integer> {
  @Mixin
  RepoOptions where;

  @Option(names = "--out", description = "Output file, or - for stdout (default: STATE_OF_PROJECT.md in the repo).")
  String out;

  @Option(names = "--offline", description = "Touch no network: live check and CI status are SKIPPED; the "
      + "assessment uses a cached model answer or the rules.")
  boolean offline;

  @Option(names = "--json-out", description = "Also write this run's JSON document to this file (for CI artifacts).")
  java.nio.file.Path jsonOut;

  @Option(names = {"-q", "--quiet"}, description = "No progress and no notes on stderr; only the verdict and errors.")
  boolean quiet;

  @Option(names = "--no-llm", description = "Write the rule-based assessment even when llm is configured.")
  boolean noLlm;

  @Option(names = "--force", description = "Replace a JSON output file that forkstate did not write.")
  boolean force;

  @Override
  public Integer call() {
    Progress progress = ProgressPrinter.forRun(spec.commandLine().getErr(), env(), quiet);
    GenerateResult r = new GenerateReport().run(new GenerateRequest(where.repo, out, where.format(spec), offline,
        where.config, env(), force, noLlm, true, jsonOut), progress);
    if (quiet) {
      r = new GenerateResult(r.report(), r.rendered(), r.written(), r.exitCode(), java.util.List.of());
    }
    Reporting.printResult(spec, r);
    return r.exitCode().code();
  }
}
