package dev.forkstate.assess;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The assessment's sentence for failing smokes, saying whose failures they are: a failing test that passes on
 * upstream's code at the merge-base is the fork's, one that fails there too is not, and one that could not be
 * compared is said to be so. Read from each smoke's typed merge-base comparison ({@link Value.Baseline}); without
 * one (no upstream), the failure is the fork's paved road, as it always was.
 */
final class SmokeBlame {
  static final String UNCOMPARED = "Smokes fail: the fork's own paved road is broken right now.";

  private SmokeBlame() {}

  static Phrase sentence(List<Fact> smokes) {
    List<Fact> failing = smokes.stream().filter(f -> f.status() == Status.FAIL).toList();
    if (failing.stream().noneMatch(f -> baseline(f) != null)) {
      return Phrase.of(UNCOMPARED);
    }
    List<String> passing = new ArrayList<>();
    List<String> also = new ArrayList<>();
    List<String> notThere = new ArrayList<>();
    Value.Baseline compared = null;
    List<Phrase> apart = new ArrayList<>();
    for (Fact f : failing) {
      Value.Baseline b = baseline(f);
      Phrase name = Phrase.of("smoke ").then(Phrase.Kind.NAME, FactIds.SMOKE_PREFIX.rest(f.id()));
      if (b == null) {
        apart.add(name.then(" fails and was not compared with upstream's code (").then(f.reason().isBlank()
            ? f.summaryPhrase() : f.reasonPhrase()).then(")"));
      } else if (!b.compared()) {
        apart.add(name.then(" could not be compared with upstream's code: " + b.notCompared()));
      } else {
        passing.addAll(b.passing());
        also.addAll(b.alsoFailing());
        notThere.addAll(b.notThere());
        compared = b; // every smoke is compared at the one merge-base
      }
    }
    Phrase at = compared == null ? Phrase.empty() : compared.where();
    List<Phrase> parts = new ArrayList<>();
    if (!passing.isEmpty()) {
      parts.add(Phrase.of(Noun.count(passing.size(), "failing test") + (passing.size() == 1 ? " passes" : " pass")
          + " at ").then(at).then(": the fork broke " + (passing.size() == 1 ? "it" : "them")));
    }
    if (!also.isEmpty()) {
      parts.add(Phrase.of(Noun.count(also.size(), "failure") + (also.size() == 1 ? " also fails" : " also fail")
          + " at ").then(at).then(": not introduced by the fork"));
    }
    if (!notThere.isEmpty()) {
      parts.add(Phrase.of(Noun.count(notThere.size(), "failure") + " could not be compared: "
          + (notThere.size() == 1 ? "its test did" : "their tests did") + " not run at the merge-base"));
    }
    parts.addAll(apart);
    return Phrase.of("Smokes fail: ").then(Phrase.join(parts, "; ")).then(".");
  }

  private static Value.Baseline baseline(Fact f) {
    return f.value() instanceof Value.Tests t ? t.atMergeBase() : null;
  }
}
