package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;
import java.util.Optional;

/** The shared rule for checks that combine facts: the worst status wins, and no input at all is UNKNOWN. */
final class FactJudgement {
  private FactJudgement() {}

  static Check.Verdict worstOf(List<Fact> facts, String whenNone) {
    if (facts.isEmpty()) {
      return new Check.Verdict(Status.UNKNOWN, whenNone, List.of());
    }
    Status worst = Status.PASS;
    StringBuilder reasons = new StringBuilder();
    for (Fact f : facts) {
      worst = Status.worst(worst, f.status());
    }
    for (Fact f : facts) {
      if (f.status() == worst && worst != Status.PASS) {
        if (reasons.length() > 0) {
          reasons.append("; ");
        }
        reasons.append(f.reason().isBlank() ? f.summary() : f.summary().isBlank() ? f.reason()
            : f.summary().equals(f.reason()) ? f.summary() : f.summary() + " (" + f.reason() + ")");
      }
    }
    String reason = worst == Status.PASS ? facts.size() == 1 ? facts.get(0).summary() : "all " + facts.size()
        + " pass" : reasons.toString();
    return new Check.Verdict(worst, reason, facts.stream().map(Fact::id).toList());
  }

  static Check.Verdict single(FactSet facts, String id) {
    Optional<Fact> f = facts.get(id);
    return f.map(fact -> worstOf(List.of(fact), ""))
        .orElse(new Check.Verdict(Status.UNKNOWN, "fact " + id + " was not measured", List.of(FactId.of(id))));
  }
}
