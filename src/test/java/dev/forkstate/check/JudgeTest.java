package dev.forkstate.check;

import static dev.forkstate.check.PolicyFacts.candidate;
import static dev.forkstate.check.PolicyFacts.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Shown;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge stage: each measurement goes to its one policy with the config's allowances; the rest is untouched. */
class JudgeTest {
  private static final Settings SETTINGS = PolicyFacts.settings("""
      happypath:
        allowed_flags: [ACME_MODE]
        optional_modules: [numpy]
      metrics:
        commands:
          - name: perf
            command: python3 perf.py
            thresholds:
              - {metric: p99_ms, max: 500}
      """);

  private static Phrase envVar(String name) {
    return Phrase.of("env var ").then(Phrase.Kind.NAME, name).then(" read in ").then(Phrase.Kind.PATH, "a.py");
  }

  @Test
  void judgesMeasurementsWithTheConfiguredAllowancesAndLeavesOtherFactsAlone() {
    Fact flags = candidates(FactIds.HAPPYPATH_FLAGS, List.of(candidate(envVar("ACME_MODE"), "ACME_MODE"),
        candidate(envVar("OTHER"), "OTHER")), List.of(), List.of());
    Fact imports = candidates(FactIds.HAPPYPATH_IMPORTS, List.of(candidate(Phrase.of("package ")
        .then(Phrase.Kind.NAME, "numpy").then(" imported unguarded"), "numpy")), List.of(), List.of());
    Fact metric = PolicyFacts.numbers(FactIds.metric("perf", "p99_ms"), Map.of("p99_ms", 501.0));
    Fact behind = Fact.info(FactIds.UPSTREAM_BEHIND, new Value.Count(3), "3 commits behind", PolicyFacts.EV);
    Fact smoke = Fact.of("smoke.unit", Status.PASS, Value.none(), "1 passed", PolicyFacts.EV);
    Fact unknownFlags = Fact.unknown(FactIds.HAPPYPATH_DEFAULTS, "no merge-base");

    FactSet judged = Judge.apply(new FactSet(List.of(flags, imports, metric, behind, smoke, unknownFlags)), SETTINGS);

    Fact f = judged.get(FactIds.HAPPYPATH_FLAGS).orElseThrow();
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.items(f.value())).containsExactly("env var `OTHER` read in `a.py`");
    assertThat(judged.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow().status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(judged.get("metrics.perf.p99-ms").orElseThrow())).isEqualTo("`p99_ms` = 501 (max 500)");
    // A measurement no policy covers stays a measurement: upstream.behind is judged by UpstreamMergedCheck.
    assertThat(judged.get(FactIds.UPSTREAM_BEHIND).orElseThrow()).isSameAs(behind);
    assertThat(judged.get("smoke.unit").orElseThrow()).isSameAs(smoke);
    assertThat(judged.get(FactIds.HAPPYPATH_DEFAULTS).orElseThrow()).isSameAs(unknownFlags);
    assertThat(judged.all()).extracting(Fact::id).containsExactlyElementsOf(
        new FactSet(List.of(flags, imports, metric, behind, smoke, unknownFlags)).all().stream().map(Fact::id)
            .toList());
  }

  @Test
  void noFactIdIsCoveredByTwoPolicies() {
    List<Policy> policies = Judge.policies(SETTINGS);
    for (String id : List.of("happypath.flags", "happypath.defaults", "happypath.imports", "metrics.perf.p99-ms",
        "upstream.merge-preview", "pr.pr-x", "pr.pr-x.pull", "upstream.behind", "smoke.unit")) {
      long covering = policies.stream().filter(p -> p.covers(FactId.of(id))).count();
      assertThat(covering).as(id).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void checksSeeTheJudgedStatus() {
    Fact flags = candidates(FactIds.HAPPYPATH_FLAGS, List.of(candidate(envVar("OTHER"), "OTHER")), List.of(), List.of());
    FactSet measured = new FactSet(List.of(flags));
    // Measured only, the happy-path check has nothing judged to go on; after the judge it sees the FAIL.
    assertThat(Checks.HAPPYPATH_ALIGNED.evaluate(measured).status()).isEqualTo(Status.UNKNOWN);
    assertThat(Checks.HAPPYPATH_ALIGNED.evaluate(Judge.apply(measured, SETTINGS)).status()).isEqualTo(Status.FAIL);
  }
}
