package dev.forkstate.check;

import static dev.forkstate.check.PolicyFacts.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Shown;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Metric thresholds as a table: numbers measured from a command's JSON, bounds from the config, status out. */
class MetricThresholdPolicyTest {
  private static final MetricThresholdPolicy POLICY = new MetricThresholdPolicy(PolicyFacts.settings("""
      metrics:
        commands:
          - name: parity
            command: python3 parity.py
            thresholds:
              - {metric: extracted.ttft_ms, relative_to: legacy.ttft_ms, within_pct: 3}
              - {metric: legacy.ttft_ms, max: 150}
              - {metric: coverage.pct, min: 80}
              - {metric: rss.mb, min: 10, max: 20}
      """).metrics());
  private static final FactId TTFT = FactIds.metric("parity", "extracted.ttft_ms");

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(numbers(TTFT, Map.of("extracted.ttft_ms", 102.0, "legacy.ttft_ms", 100.0)), Status.PASS,
            "`extracted.ttft_ms` = 102 vs `legacy.ttft_ms` = 100: +2% (limit ±3%)", "2"),
        Arguments.of(numbers(TTFT, Map.of("extracted.ttft_ms", 97.0, "legacy.ttft_ms", 100.0)), Status.PASS,
            "`extracted.ttft_ms` = 97 vs `legacy.ttft_ms` = 100: -3% (limit ±3%)", "-3"),
        Arguments.of(numbers(TTFT, Map.of("extracted.ttft_ms", 105.5, "legacy.ttft_ms", 100.0)), Status.FAIL,
            "`extracted.ttft_ms` = 105.50 vs `legacy.ttft_ms` = 100: +5.50% (limit ±3%)", "5.50"),
        Arguments.of(numbers(FactIds.metric("parity", "legacy-ttft-ms"), Map.of("legacy.ttft_ms", 100.0)), Status.PASS,
            "`legacy.ttft_ms` = 100 (max 150)", "100"),
        Arguments.of(numbers(FactIds.metric("parity", "legacy-ttft-ms"), Map.of("legacy.ttft_ms", 151.0)), Status.FAIL,
            "`legacy.ttft_ms` = 151 (max 150)", "151"),
        Arguments.of(numbers(FactIds.metric("parity", "coverage-pct"), Map.of("coverage.pct", 79.99)), Status.FAIL,
            "`coverage.pct` = 79.99 (min 80)", "79.99"),
        Arguments.of(numbers(FactIds.metric("parity", "rss-mb"), Map.of("rss.mb", 20.0)), Status.PASS,
            "`rss.mb` = 20 (min 10, max 20)", "20"));
  }

  @ParameterizedTest
  @MethodSource("table")
  void boundsTheMeasuredNumber(Fact in, Status status, String summary, String value) {
    assertThat(POLICY.covers(in.id())).isTrue();
    Fact out = POLICY.judge(in);
    assertThat(out.status()).isEqualTo(status);
    assertThat(Shown.summary(out)).isEqualTo(summary);
    assertThat(out.value()).isEqualTo(new Value.Text(value));
    assertThat(out.evidence()).isEqualTo(in.evidence());
  }

  @Test
  void aMissingOrZeroNumberToCompareWithIsUnknownNotPass() {
    Fact noRef = POLICY.judge(numbers(TTFT, Map.of("extracted.ttft_ms", 100.0)));
    assertThat(noRef.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(noRef)).isEqualTo("no non-zero number at `legacy.ttft_ms` to compare with");
    Fact zero = POLICY.judge(numbers(TTFT, Map.of("extracted.ttft_ms", 0.0, "legacy.ttft_ms", 0.0)));
    assertThat(zero.status()).isEqualTo(Status.UNKNOWN);
    Fact noMetric = POLICY.judge(numbers(TTFT, Map.of("legacy.ttft_ms", 100.0)));
    assertThat(noMetric.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(noMetric)).isEqualTo("no number at `extracted.ttft_ms` in the command's JSON");
  }

  @Test
  void coversOnlyTheConfiguredThresholds() {
    assertThat(POLICY.covers(FactId.of("metrics.parity"))).isFalse();
    assertThat(POLICY.covers(FactId.of("metrics.import.pkg"))).isFalse();
    assertThat(POLICY.covers(FactId.of("metrics.other.extracted-ttft-ms"))).isFalse();
    assertThat(new MetricThresholdPolicy(null).covers(TTFT)).isFalse();
  }
}
