package dev.forkstate.collect.smoke;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "Deterministic smokes", measured: the smokes ran N times and every test must have the same outcome each time. A
 * test that passed once and failed once (or vanished) is flaky, and named. Without per-test outcomes the rule
 * cannot be judged and says so.
 */
final class Determinism {
  static final FactId ID = FactIds.HAPPYPATH_DETERMINISM;

  private Determinism() {}

  /**
   * @param notRepeated per smoke, why it ran only once (see {@link Repeats#whyOnce}), or empty when it was repeated
   */
  static Fact judge(List<Settings.Smoke> smokes, List<List<Fact>> runsPerSmoke, Settings.HappyPath hp,
      List<String> notRepeated) {
    if (hp.runsSet() && hp.runs() < 2) {
      return Fact.skippedAsked(ID, "happypath.determinism_runs is 1: the smokes ran once, nothing to compare");
    }
    int runs = hp.runs();
    List<Evidence> evidence = new ArrayList<>();
    List<Phrase> flaky = new ArrayList<>();
    Phrase once = Phrase.empty();
    int compared = 0;
    for (int s = 0; s < smokes.size(); s++) {
      List<Fact> results = runsPerSmoke.get(s);
      evidence.add(Evidence.ofCommand(smokes.get(s).command()));
      if (!notRepeated.get(s).isEmpty()) {
        // Not measured for this smoke: never read as "deterministic"; the other smokes are still compared.
        once = once.isEmpty() ? Phrase.of("smoke ").then(Phrase.Kind.CODE, smokes.get(s).name()).then(" was not "
            + "repeated: " + notRepeated.get(s)) : once;
        continue;
      }
      List<Map<String, String>> outcomes = new ArrayList<>();
      for (Fact f : results) {
        if (!(f.value() instanceof Value.Tests t)) {
          return Fact.unknown(ID, Phrase.of("smoke ").then(Phrase.Kind.CODE, smokes.get(s).name())
              .then(" gave no per-test outcomes in one of its " + runs + " runs (")
              .then(f.reason().isBlank() ? f.summaryPhrase() : f.reasonPhrase()).then(")"), evidence.get(s));
        }
        outcomes.add(t.outcomes());
      }
      TreeSet<String> ids = new TreeSet<>();
      outcomes.forEach(o -> ids.addAll(o.keySet()));
      for (String id : ids) {
        List<String> seen = outcomes.stream().map(o -> o.getOrDefault(id, "absent")).toList();
        if (seen.stream().distinct().count() > 1) {
          flaky.add(Phrase.of(Phrase.Kind.TEST_ID, id).then(" (" + String.join(", ", seen) + ")"));
        }
      }
      compared += ids.size();
    }
    if (flaky.isEmpty() && !once.isEmpty()) {
      return Fact.unknown(ID, compared == 0 ? once : once.then("; the others gave the same outcome in each of "
          + runs + " runs"), evidence.toArray(Evidence[]::new));
    }
    if (flaky.isEmpty()) {
      return new Fact(ID, Status.PASS, new Value.Items(List.of()),
          Noun.count(compared, "test") + " gave the same outcome in each of " + runs + " runs", "", evidence);
    }
    return new Fact(ID, Status.FAIL, new Value.Items(flaky), Noun.count(flaky.size(), "flaky test")
        + " in " + runs + " runs (outcome per run)", "", evidence);
  }
}
