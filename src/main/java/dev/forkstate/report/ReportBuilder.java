package dev.forkstate.report;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Advantages;
import dev.forkstate.check.Finding;
import dev.forkstate.check.Gaps;
import dev.forkstate.check.NextSteps;
import dev.forkstate.check.Risks;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.config.Settings;
import dev.forkstate.fact.FactSet;
import java.util.List;

/**
 * Lays facts, findings, the check package's observations and the assessment out in the seed's sections, in the
 * seed's order, one writer per section. Every bullet that states something measured carries its status, the command
 * that reproduces it and the facts behind it.
 */
public final class ReportBuilder {
  private final FactSet facts;
  private final List<Finding> findings;
  private final Settings settings;
  private final PreviousReport previous;

  public ReportBuilder(FactSet facts, List<Finding> findings, Settings settings, PreviousReport previous) {
    this.facts = facts;
    this.findings = findings;
    this.settings = settings;
    this.previous = previous;
  }

  public ReportBuilder(FactSet facts, List<Finding> findings, Settings settings) {
    this(facts, findings, settings, PreviousReport.none());
  }

  public Report build(String toolVersion, String date, Assessment assessment, RunVerdict verdict) {
    List<SectionWriter> writers = List.of(
        new ExecutiveSummary(facts, findings, verdict, previous),
        new CapabilitiesSection(facts),
        new ValidationStatus(facts, settings),
        new ComparisonVsUpstream(facts, settings, assessment),
        new AdvantagesSection(Advantages.of(facts, findings), assessment),
        new GapsSection(Gaps.of(facts, findings), assessment),
        new HappyPathAlignment(facts, settings),
        new NextStepsSection(NextSteps.of(facts, findings, settings.forkBranch().value(),
            settings.upstreamRef().value()), assessment),
        new MetricsAndSlis(facts),
        new RisksAndMitigations(Risks.of(facts, settings.upstreamRef().value())),
        new ReferencesSection(facts));
    List<Section> sections = writers.stream().map(SectionWriter::section).toList();
    return new Report(Report.SCHEMA_VERSION, toolVersion, settings.project().value(), date, sections, facts.all(),
        findings, assessment, verdict);
  }
}
