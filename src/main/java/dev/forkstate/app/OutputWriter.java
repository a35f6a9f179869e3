package dev.forkstate.app;

import dev.forkstate.fact.Fact;
import dev.forkstate.render.JsonRenderer;
import dev.forkstate.render.MarkdownRenderer;
import dev.forkstate.render.TrendChart;
import dev.forkstate.render.update.Lines;
import dev.forkstate.render.update.Markers;
import dev.forkstate.render.update.MergeResult;
import dev.forkstate.render.update.ReportDocument;
import dev.forkstate.render.update.ReportMerger;
import dev.forkstate.report.Report;
import dev.forkstate.report.Section;
import dev.forkstate.secret.Redactor;
import dev.forkstate.write.AtomicWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

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
    if (!target.markdown) {
      return new Rendered(redactor.redact(new JsonRenderer().render(report)), null);
    }
    List<Supplier<Section>> sections = new ArrayList<>();
    report.sections().forEach(s -> sections.add(() -> s));
    return markdown(report.title(), report.toolVersion(), () -> factsLine(report.facts()), sections);
  }

  /** The hidden facts line as written: redacted, with the report's line ending. It depends on the facts alone. */
  String factsLine(List<Fact> facts) {
    return newLines(redactor.redact(new MarkdownRenderer().factsLine(facts)));
  }

  /**
   * The Markdown report of these sections, rendered one by one in order as {@code sections} gives them (a section may
   * still be being built when the one before it is rendered); the title and the facts line are known before them.
   */
  Rendered markdown(String title, String toolVersion, Supplier<String> factsLines, List<Supplier<Section>> sections) {
    ReportDocument old = target.oldDocument();
    MarkdownRenderer md = new MarkdownRenderer();
    LinkedHashMap<String, String> blocks = new LinkedHashMap<>();
    put(blocks, "title", md.titleBlock(title, toolVersion));
    MarkdownRenderer.Sections rendering = new MarkdownRenderer.Sections();
    for (Supplier<Section> next : sections) {
      Section s = next.get();
      put(blocks, s.id(), rendering.block(s));
    }
    String factsLine = factsLines.get();
    if (old == null) {
      return new Rendered(redactor.redact(ReportMerger.fresh(blocks, factsLine)), null);
    }
    MergeResult merged = ReportMerger.merge(old, blocks, factsLine);
    return new Rendered(target.bom + redactor.redact(merged.text()), merged);
  }

  /**
   * Redacted block by block, and hashed again when redaction changed it: the sha in a begin mark is of the bytes
   * written, or every rerun of a report with a redacted value would find the section edited. A block redaction left
   * alone keeps the mark it has (its sha reads CRLF as LF, so new line endings do not change it either).
   */
  private void put(LinkedHashMap<String, String> blocks, String id, String block) {
    String redacted = redactor.redact(block);
    blocks.put(id, redacted.equals(block) ? newLines(block) : Markers.rehash(newLines(redacted)));
  }

  /** New lines end as the old report's do (CRLF or LF), so an update changes no line by its ending alone. */
  private String newLines(String text) {
    return target.crlf ? Lines.withCrlf(text) : text;
  }

  /**
   * Writes the backup (when the merge needs one), the report, the JSON copy ({@code jsonOut}, when set) and the
   * chart, then records the run in the history when {@code record}; returns the notes for stderr.
   */
  List<String> write(Rendered rendered, Report report, Path jsonOut, RunHistory history, boolean record) {
    return write(rendered, report, jsonOut, history, record, chart(history));
  }

  /**
   * The trend chart, drawn ahead of the writes (while the first section is built): its SVG when one is drawn beside
   * the report (a Markdown file, a history with runs), else none; a failure to draw it is thrown where the chart is
   * written, after the report, as when it was drawn there.
   */
  record Chart(String svg, RuntimeException failed) {
    static final Chart NONE = new Chart(null, null);
  }

  Chart chart(RunHistory history) {
    if (target.chart() == null || history.points().isEmpty()) {
      return Chart.NONE;
    }
    try {
      return new Chart(TrendChart.svg(history.points()), null);
    } catch (RuntimeException e) {
      return new Chart(null, e);
    }
  }

  /** As {@link #write(Rendered, Report, Path, RunHistory, boolean)}, with the chart {@link #chart} drew. */
  List<String> write(Rendered rendered, Report report, Path jsonOut, RunHistory history, boolean record,
      Chart chart) {
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
      merged.foreignSections().forEach(id -> notes.add("kept section '" + id + "' as you have it: this forkstate "
          + "does not write it (delete it by hand if it is stale)"));
    }
    if (out != null) {
      AtomicWriter.write(out, rendered.text(), target.previous);
    }
    if (jsonOut != null) {
      AtomicWriter.write(jsonOut, redactor.redact(new JsonRenderer().render(report)), null);
    }
    if (chart.failed() != null) {
      throw chart.failed();
    }
    if (chart.svg() != null) {
      AtomicWriter.write(target.chart(), chart.svg(), null);
    }
    String recorded = record ? history.record(report.exitCode()) : "";
    if (!recorded.isEmpty()) {
      notes.add(redactor.redact(recorded));
    }
    return notes;
  }
}
