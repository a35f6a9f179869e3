package dev.forkstate.collect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import dev.forkstate.support.Shown;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import-time checks in a fresh python3 and threshold checks on a command's JSON, with real processes. */
class MetricsCollectorTest {
  @TempDir
  Path tmp;

  @Test
  void importsAreRunAndThresholdsJudgedAndAnythingUnmeasuredIsUnknown() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    Path repo = Repos.python(tmp.resolve("r"), env, Map.of(
        "pkg/broken.py", "import no_such_optional_dependency\n",
        "parity.py", "import json\nprint(json.dumps({'legacy': {'ttft_ms': 100, 'total_ms': 1000},"
            + " 'extracted': {'ttft_ms': 102, 'total_ms': 1050}}))\n")).dir();
    String yaml = """
        metrics:
          import_modules: [pkg, pkg.broken]
          commands:
            - name: parity
              command: python3 parity.py
              thresholds:
                - {metric: extracted.ttft_ms, relative_to: legacy.ttft_ms, within_pct: 3}
                - {metric: extracted.total_ms, relative_to: legacy.total_ms, within_pct: 3}
                - {metric: legacy.ttft_ms, max: 150}
                - {metric: extracted.p99_ms, max: 500}
            - name: broken
              command: python3 -c 'import sys; sys.exit(3)'
              thresholds:
                - {metric: x, max: 1}
        """;
    // The collector only measures: the numbers, as INFO; the thresholds are applied by the judge.
    FactSet measured = Collecting.run(new MetricsCollector(), repo, yaml, env, true);
    Fact ttftMeasured = fact(measured, "metrics.parity.extracted-ttft-ms");
    assertThat(ttftMeasured.status()).isEqualTo(Status.INFO);
    assertThat(ttftMeasured.value()).isEqualTo(new Value.Numbers(new TreeMap<>(Map.of("extracted.ttft_ms", 102.0,
        "legacy.ttft_ms", 100.0))));
    assertThat(fact(measured, "metrics.import.pkg").status()).isEqualTo(Status.PASS);

    FactSet facts = Collecting.judged(new MetricsCollector(), repo, yaml, env, true);
    assertThat(fact(facts, "metrics.import.pkg").status()).isEqualTo(Status.PASS);
    Fact broken = fact(facts, "metrics.import.pkg-broken");
    assertThat(broken.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.summary(broken)).isEqualTo("`pkg.broken` fails to import: ModuleNotFoundError: No module named "
        + "'no_such_optional_dependency'");
    assertThat(broken.command()).isEqualTo("PYTHONPATH=$(pwd) python3 -c 'import pkg.broken'");

    Fact ttft = fact(facts, "metrics.parity.extracted-ttft-ms");
    assertThat(ttft.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(ttft)).isEqualTo("`extracted.ttft_ms` = 102 vs `legacy.ttft_ms` = 100: +2% (limit ±3%)");
    Fact total = fact(facts, "metrics.parity.extracted-total-ms");
    assertThat(total.status()).isEqualTo(Status.FAIL);
    assertThat(total.summary()).contains("+5% (limit ±3%)");
    assertThat(Shown.summary(fact(facts, "metrics.parity.legacy-ttft-ms"))).isEqualTo("`legacy.ttft_ms` = 100 (max 150)");
    Fact missing = fact(facts, "metrics.parity.extracted-p99-ms");
    assertThat(missing.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(missing)).isEqualTo("no number at `extracted.p99_ms` in the command's JSON");
    Fact failed = fact(facts, "metrics.broken.x");
    assertThat(failed.status()).isEqualTo(Status.UNKNOWN);
    assertThat(failed.reason()).startsWith("the command failed (exit 3)");
  }

  private static Fact fact(FactSet facts, String id) {
    return facts.get(id).orElseThrow(() -> new AssertionError("no fact " + id + " in " + facts.all()));
  }
}
