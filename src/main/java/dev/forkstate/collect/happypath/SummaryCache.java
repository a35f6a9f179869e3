package dev.forkstate.collect.happypath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.collect.python.PythonScanner;
import dev.forkstate.digest.Sha256;
import dev.forkstate.write.AtomicWriter;
import dev.forkstate.write.IgnoredDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The last scan summary, under a key of everything it depends on. One entry: the warm path of a rerun on the same
 * commits; any change of key simply recomputes (from the per-blob cache, so only new blobs are parsed). Phrases are
 * stored in the shape the JSON report gives them ({@link dev.forkstate.fact.PhraseJson}), by {@link SummaryJson}.
 */
final class SummaryCache {
  /**
   * Built on first use, not with the class: a lookup is set up on the collector's own thread, and building the mapper
   * is for the pool ({@link Lookup}). A plain mapper for the tree only: {@link SummaryJson} maps the records.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Path file;

  SummaryCache(Path file) {
    this.file = file;
  }

  static String key(String... parts) {
    return Sha256.ofParts(List.of(parts));
  }

  /** The stored entry, read from disk; null when there is none or it does not parse. */
  private JsonNode stored() {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException | RuntimeException damaged) {
      return null;
    }
  }

  private static Optional<HappyPathCollector.Summary> get(JsonNode root, String key) {
    if (root == null || !key.equals(root.path("key").asText())) {
      return Optional.empty();
    }
    try {
      return Optional.of(SummaryJson.read(root.path("summary")));
    } catch (RuntimeException damaged) {
      return Optional.empty();
    }
  }

  /**
   * A lookup started before the diff is known: what it needs that no git answer does (the scanner's version, a hash
   * of its script; the stored entry, read and parsed from disk) is done on the pool while the git commands run.
   */
  record Lookup(SummaryCache cache, CompletableFuture<String> scanner, CompletableFuture<JsonNode> stored) {
    static Lookup start(Path repo, Executor pool) {
      SummaryCache cache = new SummaryCache(repo.resolve(PythonScanner.CACHE_DIR).resolve("summary.json"));
      return new Lookup(cache, CompletableFuture.supplyAsync(PythonScanner::version, pool),
          CompletableFuture.supplyAsync(cache::stored, pool));
    }

    /** The key of the summary of these changes since {@code base}: no setting in it (the judge applies those). */
    String key(String base, List<RawChange> raw) {
      return SummaryCache.key(scanner.join(), "summary-5", base, raw.toString());
    }

    Optional<HappyPathCollector.Summary> get(String key) {
      return SummaryCache.get(stored.join(), key);
    }
  }

  void put(String key, HappyPathCollector.Summary summary) {
    try {
      IgnoredDir.create(file.getParent());
      ObjectNode root = Json.MAPPER.createObjectNode().put("key", key);
      root.set("summary", SummaryJson.write(summary));
      AtomicWriter.write(file, Json.MAPPER.writeValueAsString(root), null);
    } catch (IOException | RuntimeException e) {
      // not cached: the next run recomputes
    }
  }
}
