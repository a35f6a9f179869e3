package dev.forkstate.report;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Finding;
import dev.forkstate.fact.Fact;
import java.util.List;

/**
 * Everything one run produced, renderer-neutral. The Markdown renderer works from this alone, and so does JSON.
 */
public record Report(int schemaVersion, String toolVersion, String project, String date, List<Section> sections,
                     List<Fact> facts, List<Finding> findings, Assessment assessment, int exitCode) {
  public static final int SCHEMA_VERSION = 1;

  public Report {
    sections = List.copyOf(sections);
    facts = List.copyOf(facts);
    findings = List.copyOf(findings);
  }

  public String title() {
    return "State of " + project + " — " + date;
  }
}
