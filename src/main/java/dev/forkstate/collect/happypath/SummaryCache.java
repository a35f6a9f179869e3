package dev.forkstate.collect.happypath;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.forkstate.digest.Sha256;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.PhraseJson;
import dev.forkstate.write.AtomicWriter;
import dev.forkstate.write.IgnoredDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last scan summary, under a key of everything it depends on. One entry: the warm path of a rerun on the same
 * commits; any change of key simply recomputes (from the per-blob cache, so only new blobs are parsed). Phrases are
 * stored in the shape the JSON report gives them ({@link PhraseJson}), so the fact package needs no annotations.
 */
final class SummaryCache {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
      .addSerializer(Phrase.class, new StdSerializer<>(Phrase.class) {
        @Override
        public void serialize(Phrase p, JsonGenerator gen, SerializerProvider sp) throws IOException {
          gen.writeTree(PhraseJson.parts(p));
        }
      })
      .addDeserializer(Phrase.class, new StdDeserializer<>(Phrase.class) {
        @Override
        public Phrase deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
          return PhraseJson.read(p.readValueAsTree());
        }
      }));
  private final Path file;

  SummaryCache(Path file) {
    this.file = file;
  }

  /**
   * The key of a summary: the scanner's identity, the summary's shape, the merge-base and every candidate change as
   * the summary reads it (status, modes, blob ids, path). Each change is one compact part: a large fork lists
   * thousands, SHA-256 runs interpreted this early in a run, and the bytes hashed are its cost (the changes' record
   * text, field names and all, was twice as long).
   */
  static String key(String scanner, String shape, String base, List<RawChange> changes) {
    List<String> parts = new ArrayList<>(changes.size() + 3);
    parts.add(scanner);
    parts.add(shape);
    parts.add(base);
    for (RawChange c : changes) {
      parts.add(c.status() + " " + c.oldMode() + " " + c.newMode() + " " + c.oldBlob() + " " + c.newBlob() + " "
          + c.path());
    }
    return Sha256.ofParts(parts);
  }

  Optional<HappyPathCollector.Summary> get(String key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (!key.equals(root.path("key").asText())) {
        return Optional.empty();
      }
      return Optional.of(JSON.treeToValue(root.path("summary"), HappyPathCollector.Summary.class));
    } catch (IOException | RuntimeException damaged) {
      return Optional.empty();
    }
  }

  void put(String key, HappyPathCollector.Summary summary) {
    try {
      IgnoredDir.create(file.getParent());
      ObjectNode root = JSON.createObjectNode().put("key", key);
      root.set("summary", JSON.valueToTree(summary));
      AtomicWriter.write(file, JSON.writeValueAsString(root), null);
    } catch (IOException | RuntimeException e) {
      // not cached: the next run recomputes
    }
  }
}
