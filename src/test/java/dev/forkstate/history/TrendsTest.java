package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Shown;
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
    Fact drift = f.get(FactIds.HISTORY_DRIFT_PER_WEEK).orElseThrow();
    assertThat(drift.summary()).isEqualTo("+5.0 commits behind upstream per week (10 → 20 over 14 days)");
    assertThat(drift.status()).isEqualTo(Status.WARN);
    Fact since = f.get(FactIds.HISTORY_DAYS_SINCE_UPSTREAM).orElseThrow();
    assertThat(since.summary()).isEqualTo("45 days since upstream code last came in (2025-12-01)");
    // History measures (INFO); TrendPolicy judges 45 days > 30 as WARN.
    assertThat(since.status()).isEqualTo(Status.INFO);
    assertThat(since.value()).isEqualTo(new dev.forkstate.fact.Value.Count(45));
    assertThat(Shown.summary(f.get(FactIds.HISTORY_FLAKY).orElseThrow()))
        .isEqualTo("flaky smokes in 2 of 3 runs: `tests/smoke/test_a.py::test_x`");
    assertThat(f.get(FactIds.HISTORY_BEHIND).orElseThrow().summary()).endsWith("10 → 14 → 20 (drifting: +10)");
    assertThat(f.get(FactIds.HISTORY_BEHIND).orElseThrow().value())
        .isEqualTo(new dev.forkstate.fact.Value.Series(List.of(10L, 14L, 20L)));
  }

  @Test
  void anUpstreamDateAfterTheReportDateIsUnknownNotANegativeAge() {
    FactSet f = new FactSet(Trends.facts(List.of(p("2026-01-01T00:00:00Z", 10, List.of(), "2027-03-12")), "h.db"));
    Fact since = f.get(FactIds.HISTORY_DAYS_SINCE_UPSTREAM).orElseThrow();
    assertThat(since.status()).isEqualTo(Status.UNKNOWN);
    assertThat(since.summary()).isEqualTo("commit dates are after the report date: upstream code came in 2027-03-12, "
        + "the run is dated 2026-01-01");
    assertThat(since.value()).isEqualTo(dev.forkstate.fact.Value.none()); // TrendPolicy judges only INFO ages
  }

  /**
   * The flaky tests of a recorded run are read from the determinism fact's typed items; a run recorded before items
   * were typed held them as Markdown ("`id` (passed, failed)") and reads the same.
   */
  @Test
  void flakyTestsAreReadFromTypedItemsAndFromOldMarkdownRows() {
    String old = "{\"v\":2,\"facts\":[{\"id\":\"happypath.determinism\",\"status\":\"FAIL\",\"value\":"
        + "{\"type\":\"paths\",\"paths\":[\"`tests/x.py::t` (passed, failed)\"]}}]}";
    assertThat(Trends.of("2026-01-01T00:00:00Z", "c", RunFactsJson.read(old).orElseThrow()).flakyTests())
        .containsExactly("tests/x.py::t");
    Fact now = new Fact(dev.forkstate.fact.FactIds.HAPPYPATH_DETERMINISM, Status.FAIL,
        new dev.forkstate.fact.Value.Items(List.of(Phrase.of(Phrase.Kind.TEST_ID, "tests/x.py::t")
            .then(" (passed, failed)"))), Phrase.of("1 flaky test"), Phrase.empty(),
        List.of(dev.forkstate.fact.Evidence.ofCommand("pytest")));
    String stored = RunFactsJson.write(RunFacts.of(List.of(now)), dev.forkstate.secret.Redactor.none());
    assertThat(stored).doesNotContain("`");
    assertThat(Trends.of("2026-01-01T00:00:00Z", "c", RunFactsJson.read(stored).orElseThrow()).flakyTests())
        .containsExactly("tests/x.py::t");
  }

  /** A2 from a real celery fork: with no run that counted smoke tests, "no flaky smokes" was a PASS. */
  @Test
  void noRunThatCountedSmokesIsNotFlakeFree() {
    FactSet f = new FactSet(Trends.facts(List.of(new Trends.Point("2026-01-01T00:00:00Z", "c", false, false, 3L,
        false, null, List.of(), "")), "h.db"));
    assertThat(f.get(FactIds.HISTORY_FLAKY).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.get(FactIds.HISTORY_SMOKE_PASS_RATE).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void aWindowOfOneDayHasNoRateAndNoDateNoAge() {
    FactSet f = new FactSet(Trends.facts(List.of(p("2026-01-01T00:00:00Z", 3, List.of(), ""),
        p("2026-01-01T05:00:00Z", 3, List.of(), "")), "h.db"));
    assertThat(f.get(FactIds.HISTORY_DRIFT_PER_WEEK).orElseThrow().summary()).contains("less than a day");
    assertThat(f.get(FactIds.HISTORY_DAYS_SINCE_UPSTREAM)).isEmpty();
  }
}
