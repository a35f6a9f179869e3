package dev.forkstate.report;

import dev.forkstate.check.Observation;
import java.util.ArrayList;
import java.util.List;

/** The risks check/Risks found, each with its mitigation; says so when no rule fired. */
final class RisksAndMitigations implements SectionWriter {
  private final List<Observation> risks;

  RisksAndMitigations(List<Observation> risks) {
    this.risks = risks;
  }

  @Override
  public String id() {
    return "risks";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    Folds.worstFirst(risks).forEach(o -> out.add(Bullets.observation(0, o)));
    if (out.isEmpty()) {
      out.add(Bullets.plain(0, "No rule-based risk is triggered by the measured facts."));
    }
    return out;
  }
}
