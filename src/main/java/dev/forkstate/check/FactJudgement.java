package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.List;
import java.util.Optional;

/** The shared rule for checks that combine facts: the worst status wins, and no input at all is UNKNOWN. */
final class FactJudgement {
  private FactJudgement() {}

  static Check.Verdict worstOf(List<Fact> all, String whenNone) {
    // INFO facts measured something without judging it: they neither pass nor fail a check.
    List<Fact> facts = all.stream().filter(f -> f.status().judges()).toList();
    if (facts.isEmpty()) {
      return new Check.Verdict(Status.UNKNOWN, all.isEmpty() || whenNone.isEmpty() ? (whenNone.isEmpty()
          ? "nothing judged this" : whenNone) : whenNone + " (only measurements, no judgement)",
          all.stream().map(Fact::id).toList());
    }
    Status worst = Status.INFO;
    for (Fact f : facts) {
      worst = Status.worst(worst, f.status());
    }
    Status w = worst;
    List<Phrase> reasons = facts.stream().filter(f -> f.status() == w).map(FactJudgement::describe).distinct()
        .toList();
    // Many passing facts read better as a count; what is wrong is always spelled out.
    Phrase reason = w == Status.PASS && reasons.size() > 2 ? Phrase.of("all " + facts.size() + " measured facts pass")
        : Phrase.join(reasons, "; ");
    return new Check.Verdict(worst, reason, facts.stream().map(Fact::id).toList());
  }

  /** Summary and, where it adds something, the reason. */
  private static Phrase describe(Fact f) {
    if (f.reason().isBlank() || f.reason().equals(f.summary())) {
      return f.summaryPhrase();
    }
    return f.summary().isBlank() ? f.reasonPhrase()
        : f.summaryPhrase().then(" (").then(f.reasonPhrase()).then(")");
  }

  static Check.Verdict single(FactSet facts, FactId id) {
    Optional<Fact> f = facts.get(id);
    return f.map(fact -> worstOf(List.of(fact), ""))
        .orElse(new Check.Verdict(Status.UNKNOWN, "fact " + id + " was not measured", List.of(id)));
  }
}
