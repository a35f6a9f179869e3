package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import java.util.ArrayList;
import java.util.List;

/** Every path the report cites, committed or not, and where all facts are with their evidence. */
final class ReferencesSection implements SectionWriter {
  private final FactSet facts;

  ReferencesSection(FactSet facts) {
    this.facts = facts;
  }

  @Override
  public String id() {
    return "references";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    for (Fact f : facts.withPrefix(FactIds.REF_PREFIX)) {
      out.add(Bullets.fact(0, f, ""));
    }
    if (out.isEmpty()) {
      out.add(plain(0, "No paths cited."));
    }
    out.add(bullet(0, null, "All " + facts.all().size() + " facts with their evidence: ", "forkstate generate "
        + "--format json --out -", List.of()));
    return Folds.attentionFirst(out, "Cited paths committed at HEAD");
  }
}
