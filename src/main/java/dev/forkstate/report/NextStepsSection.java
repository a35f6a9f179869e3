package dev.forkstate.report;

import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Observation;
import dev.forkstate.check.Observation.Kind;
import java.util.ArrayList;
import java.util.List;

/** Now, Next and Later as check/NextSteps decided them, each list under its heading, then a model's draft. */
final class NextStepsSection implements SectionWriter {
  private final List<Observation> steps;
  private final Assessment assessment;

  NextStepsSection(List<Observation> steps, Assessment assessment) {
    this.steps = steps;
    this.assessment = assessment;
  }

  @Override
  public String id() {
    return "next-steps";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    out.add(plain(0, "Now (every FAIL):"));
    addAll(out, Kind.NOW);
    out.add(plain(0, "Next (every WARN or UNKNOWN):"));
    addAll(out, Kind.NEXT);
    out.add(plain(0, "Later (skipped this run):"));
    addAll(out, Kind.LATER);
    return ModelDraft.under(out, assessment, "now", "next", "later");
  }

  private void addAll(List<Line> out, Kind kind) {
    List<Observation> ofKind = steps.stream().filter(o -> o.kind() == kind).toList();
    ofKind.forEach(o -> out.add(Bullets.observation(1, o)));
    if (ofKind.isEmpty()) {
      out.add(plain(1, "nothing"));
    }
  }
}
