package dev.forkstate.app;

import dev.forkstate.collect.GitCli;
import dev.forkstate.error.ExitCode;
import dev.forkstate.error.UserError;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.fact.FactIds;
import dev.forkstate.render.update.Block;
import dev.forkstate.render.update.Markers;
import dev.forkstate.render.update.ReportDocument;
import dev.forkstate.report.FactDigest;
import dev.forkstate.report.SectionTitles;
import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The check use case: is the committed report still true? A fresh run (nothing written, history untouched) is
 * compared with the facts the report at HEAD carries, by status: a fact whose status changed, appeared or vanished
 * makes the report stale. Values that the report's own commit changes (HEAD, counts of fork commits and files) are
 * not compared, or a committed report could never be current. Trends (history.*) are left out: they move by design.
 * A report made with {@code --offline} skips the facts only the network answers (CI runs, PR lookups, the live
 * check); checked online, those are not compared (the report never claimed them) and the message says so.
 */
public final class CheckReport {
  /** A committed report is read whole up to this; past it the check stops with a user error, never a cut read. */
  static final int MAX_REPORT_BYTES = 64 * 1024 * 1024;

  public record Result(ExitCode exit, List<String> differences, String message) {}

  /**
   * Facts the report's own commit and push move: the commits not yet pushed when the report was written (the config
   * commit, say) are pushed with it, so "1 unpushed commit" (WARN) is "nothing unpushed" (PASS) once the report is
   * where `check` reads it (a real fork's first check after commit-and-push said "stale" for this alone).
   */
  private static final java.util.Set<String> MOVED_BY_THE_REPORT_COMMIT = java.util.Set.of(
      FactIds.GIT_TRACKING_AHEAD.value());

  /** The facts only an online run measures: an offline run skips them because the user asked (Skip.ASKED). */
  private static final java.util.Set<String> NETWORK_ONLY = java.util.Set.of(FactIds.CI_RUN_LAST_PUSH.value(),
      FactIds.CI_RUN_PYTHON_JOB.value(), FactIds.PR_PULLS.value(), FactIds.LIVE_CHECK.value());

  public Result run(GenerateRequest fresh, String reportPath) {
    CommandRunner runner = new CommandRunner(fresh.env(), Redactor.fromEnvironment(fresh.env()));
    Path repo = Workspace.repoRoot(fresh.repo(), runner);
    // Read whole, up to a cap far past any real report: its facts line is at the end, so a cut report would read as
    // one that carries none.
    CommandResult shown = new GitCli(repo, runner, MAX_REPORT_BYTES).run("show", "HEAD:" + reportPath);
    if (!shown.ok()) {
      throw new UserError("no committed " + reportPath + " at HEAD", "git show HEAD:" + reportPath,
          "generate it and commit it first");
    }
    if (!shown.stdoutWhole()) {
      throw new UserError(reportPath + " at HEAD is larger than " + MAX_REPORT_BYTES / (1024 * 1024)
          + " MiB (" + shown.cutReason() + "); forkstate does not read a report that large",
          "git show HEAD:" + reportPath, "regenerate it with this forkstate and commit it");
    }
    ReportDocument document = ReportDocument.parse(shown.stdout(), SectionTitles.idsByNormalisedTitle(), reportPath);
    FactDigest committed = document.factsJson().flatMap(FactDigest::fromCommentJson)
        .orElseThrow(() -> new UserError(reportPath + " at HEAD carries no forkstate facts", null,
            "regenerate it with this forkstate and commit it"));
    GenerateResult now = new GenerateReport().run(new GenerateRequest(repo, "-", GenerateRequest.Format.MD,
        fresh.offline(), fresh.config(), fresh.env(), false, true, false, null, reportPath));
    FactDigest current = FactDigest.of(now.report().facts());
    // What the reader sees first: an owned section whose text is not what forkstate wrote (a FAIL edited to PASS)
    // is stale whatever the hidden facts say.
    List<String> diffs = new ArrayList<>(editedSections(document));
    TreeSet<String> ids = new TreeSet<>(committed.facts().keySet());
    ids.addAll(current.facts().keySet());
    List<String> notCompared = new ArrayList<>();
    for (String id : ids) {
      if (FactIds.HISTORY_PREFIX.matches(id) || MOVED_BY_THE_REPORT_COMMIT.contains(id)) {
        continue;
      }
      FactDigest.Entry was = committed.facts().get(id);
      FactDigest.Entry is = current.facts().get(id);
      if (!fresh.offline() && NETWORK_ONLY.contains(id) && was != null && "SKIPPED".equals(was.status())
          && (is == null || !was.sameStatus(is))) {
        notCompared.add(id);
        continue;
      }
      if (was == null) {
        diffs.add(id + ": newly measured, " + is.status());
      } else if (is == null) {
        diffs.add(id + ": no longer measured (was " + was.status() + ")");
      } else if (!was.sameStatus(is)) {
        diffs.add(id + ": " + was.status() + " in the report, " + is.status() + " now");
      }
    }
    String offlineNote = notCompared.isEmpty() ? "" : "; not compared: " + String.join(", ", notCompared)
        + " (skipped in the report, which was made offline; compare like with like: forkstate check --offline, "
        + "or generate online and commit the report)";
    return diffs.isEmpty()
        ? new Result(ExitCode.OK, diffs, reportPath + " at HEAD is current: every fact has the status it states"
            + offlineNote)
        : new Result(ExitCode.CHECKS_NOT_PASSING, diffs, reportPath + " at HEAD is stale: " + diffs.size()
            + " difference(s) between what it says and what is measured now; run forkstate generate and commit the "
            + "report" + offlineNote);
  }

  /** Owned sections whose body no longer has the sha forkstate recorded when it wrote them. */
  private static List<String> editedSections(ReportDocument document) {
    List<String> edited = new ArrayList<>();
    for (Block b : document.blocks()) {
      if (b instanceof Block.Managed m && m.recordedHash() != null && !m.recordedHash().equals(Markers.hash(m.body()))) {
        edited.add("section " + m.id() + ": edited by hand since forkstate wrote it (line " + m.firstLine() + ")");
      }
    }
    return edited;
  }
}
