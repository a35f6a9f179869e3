package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.assess.Assessment;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Now, Next and Later: what to fix first, by status. */
final class NextStepsSection implements SectionWriter {
  private final FactSet facts;
  private final Assessment assessment;

  NextStepsSection(FactSet facts, Assessment assessment) {
    this.facts = facts;
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
    addAll(out, Status.FAIL);
    out.add(plain(0, "Next (every WARN or UNKNOWN):"));
    addAll(out, Status.WARN, Status.UNKNOWN);
    out.add(plain(0, "Later (skipped this run):"));
    addAll(out, Status.SKIPPED);
    return ModelDraft.under(out, assessment, "now", "next", "later");
  }

  /**
   * One bullet per distinct problem: facts with the same status, text and command (eight upstream facts that are
   * all UNKNOWN for want of an upstream ref, say) share a bullet that names them all.
   */
  private void addAll(List<Line> out, Status... statuses) {
    LinkedHashMap<List<String>, List<Fact>> groups = new LinkedHashMap<>();
    for (Fact f : facts.all()) {
      if (List.of(statuses).contains(f.status())) {
        groups.computeIfAbsent(List.of(f.status().name(), f.summary(), f.reason(), f.command()),
            k -> new ArrayList<>()).add(f);
      }
    }
    for (List<Fact> group : groups.values()) {
      String ids = String.join(", ", group.stream().map(f -> CodeSpan.of(f.id().value())).toList());
      Line.Bullet first = (Line.Bullet) Bullets.fact(1, group.get(0), ids);
      out.add(bullet(1, first.status(), first.text(), first.command(), group.stream().map(Fact::id).toList()));
    }
    if (groups.isEmpty()) {
      out.add(plain(1, "nothing"));
    }
  }
}
