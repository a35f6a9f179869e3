package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;
import static dev.forkstate.report.Bullets.setting;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/** The settings used, the git state, every smoke with its notable tests, the live check and CI. */
final class ValidationStatus implements SectionWriter {
  private static final List<String> GIT_FACTS = List.of("git.branch.current", "git.head.sha", "git.describe",
      "git.tags.at-head", "git.tags.nearest", "git.tracking.remote", "git.tracking.ahead", "git.tracking.behind",
      "git.worktree.dirty", "git.worktree.untracked", "git.shallow");

  private final FactSet facts;
  private final Settings settings;

  ValidationStatus(FactSet facts, Settings settings) {
    this.facts = facts;
    this.settings = settings;
  }

  @Override
  public String id() {
    return "validation-status";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    out.add(plain(0, Phrase.of("Settings: fork branch ").then(setting(settings.forkBranch(), Phrase.Kind.BRANCH))
        .then(", upstream ").then(setting(settings.upstreamRef(), Phrase.Kind.REF)).then(", CI workflow ")
        .then(setting(settings.ciWorkflow(), Phrase.Kind.PATH))));
    for (String id : GIT_FACTS) {
      Bullets.addFact(out, facts, 0, id, "");
    }
    for (Fact smoke : facts.withPrefix("smoke.")) {
      out.add(Bullets.fact(0, smoke, "Smokes (" + smoke.id().value().substring("smoke.".length()) + "):"));
      if (smoke.value() instanceof Value.Tests t) {
        for (Value.TestCase tc : t.notable()) {
          Phrase line = Phrase.of(tc.outcome() + ": ").then(Phrase.Kind.TEST_ID, tc.id());
          out.add(bullet(1, tc.outcome().equals("skipped") ? Status.WARN : Status.FAIL, tc.message().isBlank() ? line
              : line.then(" — ").then(Phrase.Kind.CODE, tc.message()), "", List.of(smoke.id())));
        }
      }
    }
    Bullets.addFact(out, facts, 0, "live.check", "Live check:");
    Bullets.addFact(out, facts, 0, "ci.run.last-push", "CI on the last push:");
    Bullets.addFact(out, facts, 0, "ci.run.python-job", "CI job for Python " + settings.ciJob().value() + ":");
    out.add(plain(0, Phrase.of("CI workflow ").then(setting(settings.ciWorkflow(), Phrase.Kind.PATH)).then(":")));
    for (Fact f : facts.withPrefix("ci.workflow.")) {
      out.add(Bullets.fact(1, f, ""));
    }
    return out;
  }
}
