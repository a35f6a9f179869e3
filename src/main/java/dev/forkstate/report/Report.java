package dev.forkstate.report;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.fact.Fact;
import java.util.List;

/**
 * Everything one run produced, renderer-neutral. The Markdown renderer works from this alone, and so does JSON.
 */
public record Report(int schemaVersion, String toolVersion, String project, String date, List<Section> sections,
                     List<Fact> facts, List<Finding> findings, Assessment assessment, RunVerdict verdict) {
  public static final int SCHEMA_VERSION = 1;

  public Report {
    sections = List.copyOf(sections);
    facts = List.copyOf(facts);
    findings = List.copyOf(findings);
  }

  /** The process exit code, as the one verdict decided it. */
  public int exitCode() {
    return verdict.exitCode().code();
  }

  public String title() {
    return title(project, date);
  }

  static String title(String project, String date) {
    return "State of " + project + " — " + date;
  }
}
