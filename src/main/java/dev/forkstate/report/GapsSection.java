package dev.forkstate.report;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Observation;
import java.util.List;

/** The gaps check/Gaps found, then a model's draft. */
final class GapsSection implements SectionWriter {
  private final List<Observation> gaps;
  private final Assessment assessment;

  GapsSection(List<Observation> gaps, Assessment assessment) {
    this.gaps = gaps;
    this.assessment = assessment;
  }

  @Override
  public String id() {
    return "gaps";
  }

  @Override
  public List<Line> lines() {
    // FAIL and WARN lead what could not be measured.
    return ModelDraft.under(Folds.worstFirst(gaps).stream().map(o -> Bullets.observation(0, o)).toList(), assessment,
        "gaps");
  }
}
