package dev.forkstate.cli;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.Progress;
import java.nio.file.Path;
import java.util.Map;

final class GenerateCommand extends Subcommand {
  GenerateCommand(Map<String, String> env) {
    super(env, "generate", "Measure the repository and write STATE_OF_PROJECT.md (or .json).");
    RepoOptions.addTo(this);
    add(CommandModel.value("--out", String.class, "<out>", null,
        "Output file, or - for stdout (default: STATE_OF_PROJECT.md in the repo)."));
    add(CommandModel.flag("Touch no network: live check and CI status are SKIPPED; the "
        + "assessment uses a cached model answer or the rules.", "--offline"));
    add(CommandModel.value("--json-out", Path.class, "<jsonOut>", null,
        "Also write this run's JSON document to this file (for CI artifacts)."));
    add(CommandModel.flag("No progress and no notes on stderr; only the verdict and errors.", "-q", "--quiet"));
    add(CommandModel.flag("Write the rule-based assessment even when llm is configured.", "--no-llm"));
    add(CommandModel.flag("Replace a JSON output file that forkstate did not write.", "--force"));
  }

  @Override
  public Integer call() {
    boolean quiet = isSet("--quiet");
    Progress progress = ProgressPrinter.forRun(spec.commandLine().getErr(), env(), quiet);
    GenerateResult r = new GenerateReport().run(new GenerateRequest(RepoOptions.repo(spec), valueOf("--out"),
        RepoOptions.format(spec), isSet("--offline"), RepoOptions.config(spec), env(), isSet("--force"),
        isSet("--no-llm"), true, valueOf("--json-out")), progress);
    if (quiet) {
      r = new GenerateResult(r.report(), r.rendered(), r.written(), r.exitCode(), java.util.List.of());
    }
    Reporting.printResult(spec, r);
    return r.exitCode().code();
  }
}
