package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend arithmetic on known points: drift per week, days since upstream came in, flaky tests by name. */
class TrendsTest {
  private static Trends.Point p(String time, long behind, List<String> flaky, String upstreamIn) {
    return new Trends.Point(time, "c", true, true, behind, !flaky.isEmpty(), 1.0, flaky, upstreamIn);
  }

  @Test
  void driftFlakinessAndUpstreamAge() {
    FactSet f = new FactSet(Trends.facts(List.of(
        p("2026-01-01T00:00:00Z", 10, List.of(), "2025-12-01"),
        p("2026-01-08T00:00:00Z", 14, List.of("tests/smoke/test_a.py::test_x"), "2025-12-01"),
        p("2026-01-15T00:00:00Z", 20, List.of("tests/smoke/test_a.py::test_x"), "2025-12-01")), "h.db"));
    Fact drift = f.get("history.drift-per-week").orElseThrow();
    assertThat(drift.summary()).isEqualTo("+5.0 commits behind upstream per week (10 → 20 over 14 days)");
    assertThat(drift.status()).isEqualTo(Status.WARN);
    Fact since = f.get("history.days-since-upstream").orElseThrow();
    assertThat(since.summary()).isEqualTo("45 days since upstream code last came in (2025-12-01)");
    assertThat(since.status()).isEqualTo(Status.WARN);
    assertThat(f.get("history.flaky").orElseThrow().summary())
        .isEqualTo("flaky smokes in 2 of 3 runs: `tests/smoke/test_a.py::test_x`");
    assertThat(f.get("history.behind").orElseThrow().summary()).endsWith("10 → 14 → 20 (drifting: +10)");
  }

  @Test
  void aWindowOfOneDayHasNoRateAndNoDateNoAge() {
    FactSet f = new FactSet(Trends.facts(List.of(p("2026-01-01T00:00:00Z", 3, List.of(), ""),
        p("2026-01-01T05:00:00Z", 3, List.of(), "")), "h.db"));
    assertThat(f.get("history.drift-per-week").orElseThrow().summary()).contains("less than a day");
    assertThat(f.get("history.days-since-upstream")).isEmpty();
  }
}
