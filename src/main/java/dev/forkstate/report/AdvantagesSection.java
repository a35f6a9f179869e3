package dev.forkstate.report;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Observation;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.List;

/** The advantages check/Advantages found, then a model's draft; says so when nothing supports one. */
final class AdvantagesSection implements SectionWriter {
  private final List<Observation> advantages;
  private final Assessment assessment;

  AdvantagesSection(List<Observation> advantages, Assessment assessment) {
    this.advantages = advantages;
    this.assessment = assessment;
  }

  @Override
  public String id() {
    return "advantages";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    advantages.forEach(o -> out.add(Bullets.observation(0, o)));
    if (out.isEmpty()) {
      out.add(Bullets.bullet(0, Status.UNKNOWN, "No advantage is supported by a measured fact yet.", "", List.of()));
    }
    return ModelDraft.under(out, assessment, "advantages");
  }
}
