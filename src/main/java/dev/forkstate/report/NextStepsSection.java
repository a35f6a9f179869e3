package dev.forkstate.report;

import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Observation;
import dev.forkstate.check.Observation.Kind;
import java.util.ArrayList;
import dev.forkstate.fact.Phrase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    // Within a list, WARN leads UNKNOWN (Next): what is wrong before what could not be told.
    List<Observation> ofKind = Folds.worstFirst(steps.stream().filter(o -> o.kind() == kind).toList());
    // Steps with the same status and the same command (the history trends, all read with `forkstate history`) are
    // one bullet: their words joined, the command once.
    Map<List<Object>, List<Observation>> byCommand = new LinkedHashMap<>();
    for (Observation o : ofKind) {
      byCommand.computeIfAbsent(o.command().isEmpty() ? List.of(o) : List.of(o.status(), o.command()),
          k -> new ArrayList<>()).add(o);
    }
    for (List<Observation> group : byCommand.values()) {
      Observation first = group.get(0);
      if (group.size() == 1) {
        out.add(Bullets.observation(1, first));
        continue;
      }
      Phrase text = Phrase.empty();
      for (Observation o : group) {
        text = text.isEmpty() ? o.text() : text.then("; ").then(o.text());
      }
      out.add(Bullets.bullet(1, first.status(), text, first.command(),
          group.stream().flatMap(o -> o.basedOn().stream()).toList()));
    }
    if (ofKind.isEmpty()) {
      out.add(plain(1, "nothing"));
    }
  }
}
