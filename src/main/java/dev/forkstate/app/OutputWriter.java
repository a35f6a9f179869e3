package dev.forkstate.app;

import dev.forkstate.render.JsonRenderer;
import dev.forkstate.render.MarkdownRenderer;
import dev.forkstate.render.TrendChart;
import dev.forkstate.render.update.MergeResult;
import dev.forkstate.render.update.ReportDocument;
import dev.forkstate.render.update.ReportMerger;
import dev.forkstate.report.Report;
import dev.forkstate.secret.Redactor;
import dev.forkstate.write.AtomicWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the report into its output and writes it: JSON, a fresh Markdown report, or the old one updated in place
 * (with a backup when words the user wrote are replaced); then the JSON copy, the trend chart and the history row.
 * Everything written or shown passes the redactor.
 */
final class OutputWriter {
  /** The text for the target, and the merge that made it (null when nothing was merged). */
  record Rendered(String text, MergeResult merged) {}

  private final ReportTarget target;
  private final Redactor redactor;

  OutputWriter(ReportTarget target, Redactor redactor) {
    this.target = target;
    this.redactor = redactor;
  }

  Rendered render(Report report) {
    ReportDocument old = target.oldDocument();
    if (!target.markdown) {
      return new Rendered(redactor.redact(new JsonRenderer().render(report)), null);
    }
    if (old == null) {
      return new Rendered(redactor.redact(new MarkdownRenderer().render(report)), null);
    }
    MarkdownRenderer md = new MarkdownRenderer();
    MergeResult merged = ReportMerger.merge(old, md.blocks(report), md.factsLine(report));
    return new Rendered(redactor.redact(merged.text()), merged);
  }

  /**
   * Writes the backup (when the merge needs one), the report, the JSON copy ({@code jsonOut}, when set) and the
   * chart, then records the run in the history when {@code record}; returns the notes for stderr.
   */
  List<String> write(Rendered rendered, Report report, Path jsonOut, RunHistory history, boolean record) {
    List<String> notes = new ArrayList<>();
    Path out = target.out;
    if (rendered.merged() != null) {
      MergeResult merged = rendered.merged();
      if (merged.needsBackup() && out != null) {
        Path backup = ReportTarget.backupPath(out);
        AtomicWriter.write(backup, target.previous.bytes(), null);
        notes.add((merged.migrated() ? "migrated " + out.getFileName() + " to marked sections; " : "")
            + (merged.overwrittenLines() > 0 ? "overwritten: " + merged.overwrittenLines() + " edited lines in "
            + String.join(", ", merged.overwritten().keySet()) + "; " : "")
            + "previous file saved as " + backup.getFileName()
            + " (wrap lines in <!-- keep --> ... <!-- /keep --> to keep them in a section)");
      }
      merged.keptSections().forEach(id -> notes.add("kept <!-- keep --> blocks in " + id));
    }
    if (out != null) {
      AtomicWriter.write(out, rendered.text(), target.previous);
    }
    if (jsonOut != null) {
      AtomicWriter.write(jsonOut, redactor.redact(new JsonRenderer().render(report)), null);
    }
    Path chart = target.chart();
    if (chart != null && !history.points().isEmpty()) {
      AtomicWriter.write(chart, TrendChart.svg(history.points()), null);
    }
    String recorded = record ? history.record(report.exitCode()) : "";
    if (!recorded.isEmpty()) {
      notes.add(redactor.redact(recorded));
    }
    return notes;
  }
}
