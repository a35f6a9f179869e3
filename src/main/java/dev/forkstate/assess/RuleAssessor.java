package dev.forkstate.assess;

import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the blunt-assessment prompt from measured facts only, with fixed rules. Each point cites its facts; what
 * was not measured is said to be unknown rather than guessed.
 */
public final class RuleAssessor {
  public static final String WRITER = "rules";

  /** The rule-based answer; {@code fallback} says why no model wrote it (empty when none was configured). */
  public Assessment assess(String prompt, FactSet facts, List<Finding> findings, String fallback) {
    return Assessment.byRules(prompt, WRITER, points(facts, findings), fallback);
  }

  private static List<Assessment.Point> points(FactSet facts, List<Finding> findings) {
    List<Assessment.Point> points = new ArrayList<>();
    verdict(findings).ifPresent(points::add);
    drift(facts).ifPresent(points::add);
    footprint(facts).ifPresent(points::add);
    smokes(facts).ifPresent(points::add);
    ci(facts).ifPresent(points::add);
    points.add(new Assessment.Point("Speed vs upstream: no performance fact was measured, so any claim that the fork "
        + "is faster or slower is unsupported.", List.of()));
    return points;
  }

  private static Optional<Assessment.Point> verdict(List<Finding> findings) {
    RunVerdict verdict = RunVerdict.of(findings);
    if (verdict.required().isEmpty()) {
      return Optional.empty();
    }
    // A verdict rests on the checks that decide it: every fact of the blocking ones when there are any, else one
    // fact per required check (a link per check is proof enough; seventeen links would bury the point).
    List<FactId> cites = verdict.passed()
        ? verdict.required().stream().flatMap(f -> f.basedOn().stream().limit(1)).toList()
        : verdict.blocking().stream().flatMap(f -> f.basedOn().stream()).toList();
    return Optional.of(new Assessment.Point((verdict.passed()
        ? "Operationally sound on what was measured: " : "Not in a shippable state on the measured evidence: ")
        + verdict.counts() + ".", cites));
  }

  private static Optional<Assessment.Point> drift(FactSet facts) {
    Optional<Long> ahead = facts.count(FactIds.UPSTREAM_AHEAD);
    Optional<Long> behind = facts.count(FactIds.UPSTREAM_BEHIND);
    if (ahead.isEmpty() || behind.isEmpty()) {
      return Optional.of(new Assessment.Point(Phrase.of("Drift from upstream is unknown: ")
          .then(facts.get(FactIds.UPSTREAM_BEHIND).map(Fact::reasonPhrase).orElse(Phrase.of("not measured"))).then("."),
          List.of(FactIds.UPSTREAM_BEHIND)));
    }
    String tail = behind.get() == 0 ? "it has every upstream commit."
        : Noun.count(behind.get(), "upstream commit") + " not merged, so upstream fixes and features are missing until the "
            + "next merge.";
    return Optional.of(new Assessment.Point("The fork carries " + Noun.count(ahead.get(), "commit") + " of its own; " + tail,
        List.of(FactIds.UPSTREAM_AHEAD, FactIds.UPSTREAM_BEHIND)));
  }

  private static Optional<Assessment.Point> footprint(FactSet facts) {
    Optional<Value.Changes> added = changes(facts, FactIds.UPSTREAM_FILES_ADDED);
    Optional<Value.Changes> modified = changes(facts, FactIds.UPSTREAM_FILES_MODIFIED);
    if (added.isEmpty() || modified.isEmpty()) {
      return Optional.empty();
    }
    int a = added.get().files().size();
    int m = modified.get().files().size();
    String shape = m == 0 ? "all fork code sits in new files, so upstream merges should not conflict."
        : a >= m ? "most fork code sits in new files, but " + Noun.count(m, "upstream file") + " with fork edits (+"
            + modified.get().added() + " -" + modified.get().deleted() + " lines): each is a merge-conflict site."
        : "the fork mostly edits upstream files (" + m + " modified vs " + a + " added): every upstream merge "
            + "risks conflicts there.";
    return Optional.of(new Assessment.Point("Footprint: " + Noun.count(a, "new file") + " (+" + added.get().added()
        + " lines); " + shape, List.of(FactIds.UPSTREAM_FILES_ADDED, FactIds.UPSTREAM_FILES_MODIFIED)));
  }

  private static Optional<Assessment.Point> smokes(FactSet facts) {
    List<Fact> smokes = facts.withPrefix(FactIds.SMOKE_PREFIX);
    if (smokes.isEmpty()) {
      return Optional.empty();
    }
    List<FactId> ids = smokes.stream().map(Fact::id).toList();
    Status worst = smokes.stream().map(Fact::status).reduce(Status.PASS, Status::worst);
    int skipped = smokes.stream().filter(f -> f.value() instanceof Value.Tests)
        .mapToInt(f -> ((Value.Tests) f.value()).skipped()).sum();
    Phrase text = switch (worst) {
      case PASS -> Phrase.of("Smokes pass" + (skipped > 0 ? ", but " + Noun.count(skipped, "test")
          + " skipped, proving nothing." : "."));
      case FAIL -> SmokeBlame.sentence(smokes);
      default -> Phrase.of("Smokes are not proven green (" + worst + "): ").then(smokes.stream()
          .filter(f -> f.status() == worst).map(f -> f.reason().isBlank() ? f.summaryPhrase() : f.reasonPhrase())
          .findFirst().orElse(Phrase.empty())).then(".");
    };
    return Optional.of(new Assessment.Point(text, ids));
  }

  private static Optional<Assessment.Point> ci(FactSet facts) {
    return facts.get(FactIds.CI_RUN_LAST_PUSH).filter(f -> f.status() != Status.PASS)
        .map(f -> new Assessment.Point(Phrase.of("CI on the last push is " + f.status() + " (")
            .then(f.reasonPhrase()).then("): no claim of green CI can be made."), List.of(f.id())));
  }

  private static Optional<Value.Changes> changes(FactSet facts, FactId id) {
    return facts.get(id).filter(f -> f.value() instanceof Value.Changes).map(f -> (Value.Changes) f.value());
  }
}
