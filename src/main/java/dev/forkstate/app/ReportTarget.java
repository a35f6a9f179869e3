package dev.forkstate.app;

import dev.forkstate.error.UserError;
import dev.forkstate.exec.Await;
import dev.forkstate.render.update.Lines;
import dev.forkstate.render.update.ReportDocument;
import dev.forkstate.report.FactDigest;
import dev.forkstate.report.PreviousReport;
import dev.forkstate.report.SectionTitles;
import dev.forkstate.write.FileSnapshot;
import dev.forkstate.write.OutputPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Where the report goes and what is there now: the output path (null for stdout), the file as it was read (the
 * write refuses if it changes meanwhile), and, for a Markdown report, the old document being parsed, so an update
 * keeps the user's sections. Also the files beside it: the trend chart and the backup.
 */
final class ReportTarget {
  final Path out;
  final boolean markdown;
  final FileSnapshot previous;
  /** A byte-order mark the old report starts with: parsed without it, written back in front of the update. */
  final String bom;
  /** The old report's lines end in CRLF: the update's new lines do too, so no line is changed only by its ending. */
  final boolean crlf;
  private final CompletableFuture<ReportDocument> parsing;
  /** What the old report said, read from it on the pool as soon as it is parsed (while the collectors run). */
  private final CompletableFuture<PreviousReport> said;
  /** The report a run to stdout stands for (forkstate check), relative to the repository; else null. */
  private final String standsFor;

  private ReportTarget(Path out, boolean markdown, FileSnapshot previous, CompletableFuture<ReportDocument> parsing,
      String bom, boolean crlf, String standsFor) {
    this.out = out;
    this.markdown = markdown;
    this.previous = previous;
    this.parsing = parsing;
    this.said = parsing.thenApply(ReportTarget::previousReport);
    this.bom = bom;
    this.crlf = crlf;
    this.standsFor = standsFor;
  }

  /**
   * Reads what is at the output path. A Markdown report is updated in place (the user's sections are kept); another
   * file is only ever replaced, and only when forkstate wrote it or {@code --force} says so. Reading the old report
   * (commonmark) overlaps with measuring; broken marks still stop the run before a write.
   */
  static ReportTarget open(GenerateRequest req, Path repo, ExecutorService pool) {
    Path out = outputPath(req, repo);
    FileSnapshot previous = out == null ? null : FileSnapshot.read(out);
    boolean markdown = req.format() == GenerateRequest.Format.MD;
    if (out != null) {
      // The files beside the report are checked now too: a committed link or a pipe stops the run before it measures.
      FileSnapshot.read(backupPath(out));
      if (markdown) {
        OutputPath.check(chartPath(out));
        OutputGuard.markdown(out, previous, req.force());
      } else {
        OutputGuard.json(out, previous, req.force(), "--out");
      }
    }
    if (req.jsonOut() != null) {
      if (out != null && sameFile(req.jsonOut(), out)) {
        throw new UserError("--json-out names the report itself (" + out + ")", null,
            "give --json-out another file, e.g. STATE_OF_PROJECT.json");
      }
      OutputGuard.json(req.jsonOut(), FileSnapshot.read(req.jsonOut()), req.force(), "--json-out");
    }
    String text = markdown && previous != null && previous.exists() ? ReportText.decode(previous, out) : null;
    String bom = text != null && text.startsWith(ReportText.BOM) ? ReportText.BOM : "";
    CompletableFuture<ReportDocument> parsing = text != null
        ? CompletableFuture.supplyAsync(() -> ReportDocument.parse(text.substring(bom.length()),
            SectionTitles.idsByNormalisedTitle(), out.getFileName().toString()), pool)
        : CompletableFuture.completedFuture(null);
    return new ReportTarget(out, markdown, previous, parsing, bom, text != null && Lines.mostlyCrlf(text),
        req.standsFor());
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** The old Markdown report, parsed; null when there is none (or the report is JSON). */
  ReportDocument oldDocument() {
    return Await.join(parsing);
  }

  /** What the old report said, for "changes since the last report". */
  PreviousReport previousReport() {
    return Await.join(said);
  }

  private static PreviousReport previousReport(ReportDocument old) {
    return old == null ? PreviousReport.none()
        : new PreviousReport(true, old.factsJson().flatMap(FactDigest::fromCommentJson));
  }

  /** The trend chart's path, for a Markdown report written to a file; else null. */
  Path chart() {
    return markdown && out != null ? chartPath(out) : null;
  }

  /**
   * The report's path and its backup, relative to the repository when inside it, for the working-tree facts to
   * leave out: writing a report must not change the next one.
   */
  List<String> ownOutputs(Path repo) {
    // The default report's family (STATE_OF_PROJECT.md, .json, .prev, .trend.svg) is forkstate's in every run,
    // whatever this one writes, and named by one stable pattern: a JSON run after a Markdown run then measures the
    // same tree and shows the same command (else it is recorded as a new run, and the report and the model's cached
    // answer change).
    List<String> own = new ArrayList<>(List.of(DEFAULT_FAMILY));
    Path report = out != null ? out : standsFor == null ? null : repo.resolve(standsFor);
    if (report == null) {
      return own;
    }
    for (Path p : new Path[] {report, backupPath(report), chartPath(report)}) {
      Path abs = p.toAbsolutePath().normalize();
      if (abs.startsWith(repo)) {
        String rel = repo.relativize(abs).toString().replace('\\', '/');
        if (!own.contains(rel) && !(rel.startsWith("STATE_OF_PROJECT.") && rel.indexOf('/') < 0)) {
          own.add(rel);
        }
      }
    }
    return own;
  }

  /** A pathspec pattern for the default outputs at the repository's root (git pathspecs are wildcard patterns). */
  static final String DEFAULT_FAMILY = "STATE_OF_PROJECT.*";

  /** The trend chart beside the report: STATE_OF_PROJECT.md gets STATE_OF_PROJECT.trend.svg. */
  static Path chartPath(Path out) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".trend.svg");
  }

  /** Where the previous report is saved when an update replaces words the user wrote. */
  static Path backupPath(Path out) {
    return out.resolveSibling(out.getFileName() + ".prev");
  }

  private static Path outputPath(GenerateRequest req, Path repo) {
    if ("-".equals(req.out())) {
      return null;
    }
    Path out = req.out() != null ? Path.of(req.out())
        : repo.resolve(req.format() == GenerateRequest.Format.JSON ? GenerateReport.DEFAULT_JSON
        : GenerateReport.DEFAULT_MD);
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UserError("output folder " + parent + " does not exist", null,
          "create it, or pass --out with a file in an existing folder");
    }
    return out;
  }
}
