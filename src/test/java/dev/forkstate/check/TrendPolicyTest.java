package dev.forkstate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrendPolicyTest {
  private static final Evidence EV = Evidence.ofCommand("sqlite3 h.db 'SELECT 1'");

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(Fact.info(FactIds.HISTORY_SMOKE_PASS_RATE, new Value.Count(100), "green", EV), Status.PASS),
        Arguments.of(Fact.info(FactIds.HISTORY_SMOKE_PASS_RATE, new Value.Count(67), "2 of 3", EV), Status.WARN),
        Arguments.of(Fact.info(FactIds.HISTORY_BEHIND, new Value.Series(List.of(10L, 14L, 20L)), "up", EV), Status.WARN),
        // Drift that did not grow is a series shown: a measurement, no PASS badge.
        Arguments.of(Fact.info(FactIds.HISTORY_BEHIND, new Value.Series(List.of(20L, 5L)), "down", EV), Status.INFO),
        Arguments.of(Fact.info(FactIds.HISTORY_BEHIND, new Value.Series(List.of(7L, 7L)), "steady", EV), Status.INFO),
        Arguments.of(Fact.info(FactIds.HISTORY_BEHIND, new Value.Series(List.of()), "none", EV), Status.INFO),
        Arguments.of(Fact.info(FactIds.HISTORY_DAYS_SINCE_UPSTREAM, new Value.Count(45), "45 days", EV), Status.WARN),
        Arguments.of(Fact.info(FactIds.HISTORY_DAYS_SINCE_UPSTREAM, new Value.Count(30), "30 days", EV), Status.PASS),
        Arguments.of(Fact.unknown(FactIds.HISTORY_SMOKE_PASS_RATE, "no run counted smoke tests"), Status.UNKNOWN),
        Arguments.of(Fact.info(FactIds.HISTORY_DAYS_SINCE_UPSTREAM, new Value.Text("45"), "shape", EV), Status.INFO));
  }

  @ParameterizedTest
  @MethodSource("table")
  void judgesTheRecordedRuns(Fact measured, Status expected) {
    assertThat(new TrendPolicy().judge(measured).status()).isEqualTo(expected);
  }
}
