package dev.forkstate.report;

import java.util.List;

/**
 * Lays out one section of the report. Writers only arrange what was measured and judged: what counts as an
 * advantage, a gap, a risk or a next step is decided in the check package.
 */
sealed interface SectionWriter permits ExecutiveSummary, CapabilitiesSection, ValidationStatus,
    ComparisonVsUpstream, AdvantagesSection, GapsSection, HappyPathAlignment, NextStepsSection, MetricsAndSlis,
    RisksAndMitigations, ReferencesSection {

  /** The stable id the section's marks carry; {@link SectionTitles} gives its title. */
  String id();

  List<Line> lines();

  default Section section() {
    return new Section(id(), SectionTitles.title(id()), lines());
  }
}
