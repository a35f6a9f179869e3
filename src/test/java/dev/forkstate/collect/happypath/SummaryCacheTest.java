package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary cache gives back what it was given, items and their kinds included: a warm run reads the same. */
class SummaryCacheTest {
  @TempDir
  Path tmp;

  @Test
  void aSummaryWithPhrasesReadsBackEqual() {
    Phrase flag = Phrase.of("env var ").then(Phrase.Kind.NAME, "ACME_MODE").then(" read in ")
        .then(Phrase.Kind.PATH, "acme/api.py");
    HappyPathCollector.Summary s = new HappyPathCollector.Summary(List.of(new Value.Candidate(flag,
        List.of("ACME_MODE"))), List.of(), List.of(), List.of("redis"), List.of("acme/api.py: call"),
        List.of(Phrase.of(Phrase.Kind.NAME, "redis").then(" in ").then(Phrase.Kind.PATH, "acme/cache.py")),
        List.of(), List.of("tests/smoke"), List.of(new Value.Candidate(Phrase.of("env var ")
            .then(Phrase.Kind.NAME, "ACME_API_KEY"), List.of("ACME_API_KEY"))), List.of(), List.of("bin/acme"));
    SummaryCache cache = new SummaryCache(tmp.resolve("pyscan/summary.json"));
    cache.put("k1", s);
    assertThat(cache.get("k1")).contains(s);
    assertThat(cache.get("k2")).isEmpty();
  }

  @Test
  void theKeyChangesWithEveryFieldOfEveryChangeAndNothingElse() {
    RawChange a = new RawChange("100644", "100644", "1".repeat(40), "2".repeat(40), 'M', "acme/api.py");
    RawChange b = new RawChange("000000", "100755", "0".repeat(40), "3".repeat(40), 'A', "bin/acme tool");
    String key = SummaryCache.key("scan1", "summary-5", "base", List.of(a, b));
    assertThat(SummaryCache.key("scan1", "summary-5", "base", List.of(a, b))).isEqualTo(key).hasSize(64);
    assertThat(List.of(
        SummaryCache.key("scan2", "summary-5", "base", List.of(a, b)),
        SummaryCache.key("scan1", "summary-6", "base", List.of(a, b)),
        SummaryCache.key("scan1", "summary-5", "base2", List.of(a, b)),
        SummaryCache.key("scan1", "summary-5", "base", List.of(b, a)),
        SummaryCache.key("scan1", "summary-5", "base", List.of(a)),
        SummaryCache.key("scan1", "summary-5", "base", List.of(a, new RawChange("000000", "100644", "0".repeat(40),
            "3".repeat(40), 'A', "bin/acme tool"))),
        SummaryCache.key("scan1", "summary-5", "base", List.of(a, new RawChange("000000", "100755", "0".repeat(40),
            "4".repeat(40), 'A', "bin/acme tool"))),
        SummaryCache.key("scan1", "summary-5", "base", List.of(a, new RawChange("000000", "100755", "0".repeat(40),
            "3".repeat(40), 'A', "bin/acme")))))
        .doesNotContain(key).doesNotHaveDuplicates();
  }
}
