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
import java.util.function.Supplier;

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
    return report(toolVersion, date, steps(assessment, verdict).stream().map(Supplier::get).toList(), assessment,
        verdict);
  }

  /**
   * The sections, in the seed's order, each built when its step is called: a caller may render one while the next is
   * built. Each step reads only this builder's inputs, which nothing changes, so the steps may run on another thread
   * (one after another, in order, as {@link #build} runs them).
   */
  public List<Supplier<Section>> steps(Assessment assessment, RunVerdict verdict) {
    return List.of(
        () -> new ExecutiveSummary(facts, findings, verdict, previous).section(),
        () -> new CapabilitiesSection(facts).section(),
        () -> new ValidationStatus(facts, settings).section(),
        () -> new ComparisonVsUpstream(facts, settings, assessment).section(),
        () -> new AdvantagesSection(Advantages.of(facts, findings), assessment).section(),
        () -> new GapsSection(Gaps.of(facts, findings), assessment).section(),
        () -> new HappyPathAlignment(facts, settings).section(),
        () -> new NextStepsSection(NextSteps.of(facts, findings, settings.forkBranch().value(),
            settings.upstreamRef().value()), assessment).section(),
        () -> new MetricsAndSlis(facts).section(),
        () -> new RisksAndMitigations(Risks.of(facts, settings.upstreamRef().value())).section(),
        () -> new ReferencesSection(facts).section());
  }

  /** The report of these sections (built by {@link #steps}, in their order). */
  public Report report(String toolVersion, String date, List<Section> sections, Assessment assessment,
      RunVerdict verdict) {
    return new Report(Report.SCHEMA_VERSION, toolVersion, settings.project().value(), date, sections, facts.all(),
        findings, assessment, verdict);
  }

  /** The report's title, known before its sections: the first block rendered. */
  public String title(String date) {
    return Report.title(settings.project().value(), date);
  }
}
