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
    SummaryCache.Lookup.start(tmp, Runnable::run).cache().put("k1", s);
    SummaryCache.Lookup stored = SummaryCache.Lookup.start(tmp, Runnable::run);
    assertThat(stored.get("k1")).contains(s);
    assertThat(stored.get("k2")).isEmpty();

    // Started before the diff is known, it reads the same entry under the same key.
    HappyPathCollector.Summary other = new HappyPathCollector.Summary(List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    List<RawChange> raw = List.of(new RawChange("100644", "100644", "a".repeat(40), "b".repeat(40), 'M', "x y.py"));
    SummaryCache.Lookup first = SummaryCache.Lookup.start(tmp, Runnable::run);
    String key = first.key("base", raw);
    assertThat(first.get(key)).isEmpty();
    first.cache().put(key, other);
    SummaryCache.Lookup again = SummaryCache.Lookup.start(tmp, Runnable::run);
    assertThat(again.get(again.key("base", raw))).contains(other);
    assertThat(again.get(again.key("other base", raw))).isEmpty();
  }

  /** The changes' text is part of the key: the spelled-out text is the record's, so warm caches stay warm. */
  @Test
  void aChangeReadsAsTheRecordDid() {
    assertThat(new RawChange("100644", "000000", "a".repeat(40), "0".repeat(40), 'D', "pkg/x y.py").toString())
        .isEqualTo("RawChange[oldMode=100644, newMode=000000, oldBlob=" + "a".repeat(40) + ", newBlob="
            + "0".repeat(40) + ", status=D, path=pkg/x y.py]");
  }
}
