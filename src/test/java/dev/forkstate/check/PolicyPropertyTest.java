package dev.forkstate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.ConflictKind;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Skip;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: whatever the value, the id or the allowances, a policy never turns an unmeasured input (UNKNOWN
 * or SKIPPED) into a PASS; it hands it back unchanged. The Judge as a whole keeps the same promise.
 */
class PolicyPropertyTest {
  private static final long SEED = 20260913L;
  private static final List<String> IDS = List.of("happypath.flags", "happypath.defaults", "happypath.imports",
      "metrics.perf.p99-ms", "metrics.perf.ratio", "upstream.merge-preview", "pr.pr-x", "pr.pr-y");
  private static final Settings SETTINGS = PolicyFacts.settings("""
      happypath:
        allowed_flags: [A_FLAG, Client.call(timeout)]
        allowed_defaults: [Client.call(retries)]
        optional_modules: [numpy]
      metrics:
        commands:
          - name: perf
            command: python3 perf.py
            thresholds:
              - {metric: p99_ms, min: 1, max: 500}
              - {metric: ratio, relative_to: base, within_pct: 5}
      """);

  @Test
  void anUnknownOrSkippedInputNeverComesOutPass() {
    Random random = new Random(SEED);
    List<Policy> policies = Judge.policies(SETTINGS);
    for (int round = 0; round < 3000; round++) {
      Fact in = unmeasured(random, IDS.get(random.nextInt(IDS.size())));
      for (Policy p : policies) {
        Fact out = p.judge(in);
        assertThat(out.status()).as(p.getClass().getSimpleName() + " round " + round + ": " + in)
            .isNotEqualTo(Status.PASS);
        assertThat(out).as(p.getClass().getSimpleName() + " round " + round).isEqualTo(in);
      }
    }
  }

  @Test
  void theJudgeKeepsEveryUnmeasuredFactAsItWas() {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 500; round++) {
      List<Fact> facts = new ArrayList<>();
      for (String id : IDS) {
        if (random.nextInt(4) > 0) {
          facts.add(random.nextBoolean() ? unmeasured(random, id) : measured(random, id));
        }
      }
      FactSet judged = Judge.apply(new FactSet(facts), SETTINGS);
      for (Fact f : facts) {
        Fact out = judged.get(f.id().value()).orElseThrow();
        if (f.status() == Status.UNKNOWN || f.status() == Status.SKIPPED) {
          assertThat(out).as("round " + round).isEqualTo(f);
        }
      }
    }
  }

  /** An UNKNOWN or SKIPPED fact, carrying a value of any shape a policy reads (a collector's bug must not pass). */
  private static Fact unmeasured(Random r, String id) {
    Value v = r.nextInt(3) == 0 ? Value.none() : anyValue(r);
    boolean skipped = r.nextBoolean();
    Skip skip = skipped ? (r.nextBoolean() ? Skip.ASKED : Skip.NO_INPUT) : Skip.NONE;
    List<Evidence> ev = r.nextBoolean() ? List.of(PolicyFacts.EV) : List.of();
    return new Fact(FactId.of(id), skipped ? Status.SKIPPED : Status.UNKNOWN, v, r.nextBoolean() ? "" : "partly",
        "could not measure", ev, skip);
  }

  private static Fact measured(Random r, String id) {
    return Fact.info(FactId.of(id), anyValue(r), "measured", PolicyFacts.EV);
  }

  private static Value anyValue(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> {
        List<Value.Candidate> found = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          String key = List.of("A_FLAG", "B_FLAG", "numpy", "json", "Client.call(retries)").get(r.nextInt(5));
          found.add(new Value.Candidate(Phrase.of("finding " + i + " ").then(Phrase.Kind.NAME, key), List.of(key)));
        }
        yield new Value.Candidates(found, r.nextBoolean() ? List.of() : List.of("B_FLAG", "json"),
            r.nextBoolean() ? List.of() : List.of("broken.py (SyntaxError)"));
      }
      case 1 -> {
        Map<String, Double> n = new TreeMap<>();
        for (String k : List.of("p99_ms", "ratio", "base")) {
          if (r.nextBoolean()) {
            n.put(k, (double) r.nextInt(1000) - 100);
          }
        }
        yield new Value.Numbers(new TreeMap<>(n));
      }
      case 2 -> {
        List<Value.Conflict> files = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          files.add(new Value.Conflict("f" + i + ".py", List.of(ConflictKind.CONTENT), r.nextInt(40)));
        }
        yield new Value.Conflicts(files);
      }
      default -> {
        long patches = r.nextInt(3);
        Value.Merge merge = Value.Merge.values()[r.nextInt(Value.Merge.values().length)];
        yield new Value.Branch("pr/x", "upstream/main", List.of(Phrase.of("line")), patches, patches == 0 ? 0
            : r.nextInt((int) patches + 1), merge, merge == Value.Merge.UNKNOWN ? "old git" : "", r.nextInt(60),
            new Value.Size(patches + r.nextInt(300), r.nextInt(30), r.nextInt(900), r.nextInt(900)));
      }
    };
  }
}
