package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Finding;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/** What the fork lacks or cannot show. */
final class GapsSection implements SectionWriter {
  private final FactSet facts;
  private final List<Finding> findings;
  private final Assessment assessment;

  GapsSection(FactSet facts, List<Finding> findings, Assessment assessment) {
    this.facts = facts;
    this.findings = findings;
    this.assessment = assessment;
  }

  @Override
  public String id() {
    return "gaps";
  }

  @Override
  public List<Line> lines() {
    return ModelDraft.under(gaps(), assessment, "gaps");
  }

  private List<Line> gaps() {
    List<Line> out = new ArrayList<>();
    findings.stream().filter(f -> f.checkId().equals("upstream-merged")).findFirst()
        .filter(f -> f.status() != Status.PASS).ifPresent(f -> out.add(bullet(0, f.status(), "Upstream drift: "
            + f.reason(), Bullets.firstCommand(facts, f.basedOn()), f.basedOn())));
    facts.get("upstream.files.modified").filter(f -> f.value() instanceof Value.Changes ch && !ch.files().isEmpty())
        .ifPresent(f -> {
          Value.Changes ch = (Value.Changes) f.value();
          out.add(bullet(0, Status.WARN, Noun.count(ch.files().size(), "upstream file") + " with fork edits (+"
              + ch.added() + " -" + ch.deleted() + " lines): each is a merge-conflict site", f.command(),
              List.of(FactId.of("upstream.files.modified"))));
        });
    int skipped = RisksAndMitigations.skippedTests(facts);
    if (skipped > 0) {
      out.add(bullet(0, Status.WARN, Noun.count(skipped, "smoke test") + " skipped: a skipped test proves nothing", "",
          RisksAndMitigations.smokeIds(facts)));
    }
    for (String[] rule : new String[][] {{"happypath.flags", "Flag sprawl:"}, {"happypath.defaults",
        "Public API drift:"}, {"happypath.determinism", "Flaky smokes:"}, {"happypath.imports",
        "Import-time fragility:"}, {"happypath.copy-paste", "Commands that do not paste:"}}) {
      facts.get(rule[0]).filter(f -> f.status() == Status.FAIL).ifPresent(f -> out.add(Bullets.fact(0, f, rule[1])));
    }
    out.add(bullet(0, Status.UNKNOWN, "Performance vs upstream: not measured; no speed claim is supported", "",
        List.of()));
    List<Fact> unknown = facts.all().stream().filter(f -> f.status() == Status.UNKNOWN).toList();
    if (!unknown.isEmpty()) {
      out.add(bullet(0, Status.UNKNOWN, "Not measured: " + String.join(", ", unknown.stream()
          .map(f -> CodeSpan.of(f.id().value())).toList()), "", unknown.stream().map(Fact::id).toList()));
    }
    return out;
  }
}
