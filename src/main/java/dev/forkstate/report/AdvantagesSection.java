package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Finding;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the fork does well, each backed by a measured fact or a passing check. */
final class AdvantagesSection implements SectionWriter {
  private final FactSet facts;
  private final List<Finding> findings;
  private final Assessment assessment;

  AdvantagesSection(FactSet facts, List<Finding> findings, Assessment assessment) {
    this.facts = facts;
    this.findings = findings;
    this.assessment = assessment;
  }

  @Override
  public String id() {
    return "advantages";
  }

  @Override
  public List<Line> lines() {
    return ModelDraft.under(advantages(), assessment, "advantages");
  }

  private Optional<Finding> finding(String id) {
    return findings.stream().filter(f -> f.checkId().equals(id)).findFirst();
  }

  private List<Line> advantages() {
    List<Line> out = new ArrayList<>();
    finding("smokes-pass").filter(f -> f.status() == Status.PASS).ifPresent(f -> out.add(bullet(0, Status.PASS,
        "Smoke suite green: " + f.reason(), Bullets.firstCommand(facts, f.basedOn()), f.basedOn())));
    facts.get("upstream.files.added").filter(f -> f.value() instanceof Value.Changes ch && !ch.files().isEmpty())
        .ifPresent(f -> {
          Value.Changes ch = (Value.Changes) f.value();
          out.add(bullet(0, Status.PASS, "Fork code kept in " + Noun.count(ch.files().size(), "new file") + " (+"
              + ch.added() + " lines) rather than in upstream files", f.command(),
              List.of(FactId.of("upstream.files.added"))));
        });
    facts.get("git.tags.at-head").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(Bullets.fact(0, f, "Release is named:")));
    finding("upstream-merged").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(bullet(0, f.status(), "Current with upstream: " + f.reason(),
            Bullets.firstCommand(facts, f.basedOn()), f.basedOn())));
    facts.get("python.guarded-imports").filter(f -> f.value() instanceof Value.Paths p && !p.paths().isEmpty())
        .ifPresent(f -> out.add(Bullets.fact(0, f, "Import-time robustness:")));
    facts.get("tests.added-folders").filter(f -> f.value() instanceof Value.Paths p && !p.paths().isEmpty())
        .ifPresent(f -> out.add(Bullets.fact(0, f, "Own tests:")));
    facts.get("happypath.flags").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(Bullets.fact(0, f, "Minimal surface:")));
    facts.get("happypath.determinism").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(Bullets.fact(0, f, "Deterministic smokes:")));
    if (out.isEmpty()) {
      out.add(bullet(0, Status.UNKNOWN, "No advantage is supported by a measured fact yet.", "", List.of()));
    }
    return out;
  }
}
