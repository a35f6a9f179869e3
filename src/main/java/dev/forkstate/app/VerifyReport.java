package dev.forkstate.app;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.error.ExitCode;
import dev.forkstate.error.UserError;
import dev.forkstate.render.ClaimTable;
import dev.forkstate.verify.CheckedClaim;
import dev.forkstate.verify.ClaimChecker;
import dev.forkstate.verify.ClaimExtractor;
import dev.forkstate.verify.Verdict;
import dev.forkstate.write.FileSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The verify use case: read any report, find its claims, check each against the repository. */
public final class VerifyReport {
  /** One verify run. {@code report} null means STATE_OF_PROJECT.md at the repository root. */
  public record Request(Path repo, Path report, boolean json, boolean runCommands, Path config,
                        Map<String, String> env, boolean offline) {
    /** Offline: CI runs are not read (tests and scripts that must not touch the network). */
    public Request(Path repo, Path report, boolean json, boolean runCommands, Path config, Map<String, String> env) {
      this(repo, report, json, runCommands, config, env, true);
    }
  }

  public record Result(List<CheckedClaim> claims, String rendered, ExitCode exitCode) {}

  /**
   * 1 only when a claim is FALSE (issue 16: exit 1 only for FALSE). A report of unverifiable prose exits 0 but is
   * never called true: its summary counts 0 TRUE and says "(nothing could be verified)", so a gate that needs
   * evidence reads the JSON's verdicts rather than the exit code.
   */
  static ExitCode exitCode(List<CheckedClaim> claims) {
    boolean anyFalse = claims.stream().anyMatch(c -> c.verdict() == Verdict.FALSE);
    return anyFalse ? ExitCode.CHECKS_NOT_PASSING : ExitCode.OK;
  }

  public Result run(Request req) {
    try (Workspace ws = Workspace.open(req.repo(), req.config(), req.env())) {
      Path report = req.report() != null ? req.report() : ws.repo.resolve(GenerateReport.DEFAULT_MD);
      FileSnapshot text = FileSnapshot.read(report);
      if (!text.exists()) {
        throw new UserError("report " + report + " does not exist", null,
            "pass the report's path: forkstate verify <path>");
      }
      var settings = ws.settings();
      CollectContext ctx = new CollectContext(ws.repo, settings, ws.runner, req.offline(), ws.git, ws.pool,
          List.of(), ws.configInRepo());
      List<CheckedClaim> claims = new ClaimChecker(ctx, req.runCommands(), ws.configInRepo())
          .check(ClaimExtractor.extract(text.text(), settings.prompt()));
      String name = report.getFileName().toString();
      boolean stateReport = ClaimExtractor.isStateReport(text.text());
      String rendered = ws.redactor.redact(req.json() ? ClaimTable.json(name, claims, stateReport)
          : ClaimTable.markdown(name, claims, stateReport));
      return new Result(claims, rendered, exitCode(claims));
    }
  }
}
