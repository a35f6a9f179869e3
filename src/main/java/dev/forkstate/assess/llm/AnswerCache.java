package dev.forkstate.assess.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.digest.Sha256;
import dev.forkstate.write.AtomicWriter;
import dev.forkstate.write.IgnoredDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Model answers by key, one JSON file each, so the same facts give the same report without a new call. The key is a
 * SHA-256 of what the answer depends on (instructions version, endpoint, model, messages); nothing secret goes into
 * it or into the file. The folder ignores itself (a .gitignore of "*"), so it never shows up as untracked.
 */
public final class AnswerCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  public AnswerCache(Path dir) {
    this.dir = dir;
  }

  /** A cached answer and whether it took a corrective retry to get. */
  public record Entry(String answer, boolean corrected) {}

  public static String key(String baseUrl, String model, List<ChatMessage> messages) {
    List<String> parts = new ArrayList<>(List.of("forkstate-assessment", Instructions.VERSION, baseUrl, model));
    for (ChatMessage m : messages) {
      parts.add(m.role().name());
      parts.add(m.content());
    }
    return Sha256.ofParts(parts);
  }

  /** The cached answer; empty when there is none or the file is unreadable (a bad entry is only a miss). */
  public Optional<Entry> get(String key) {
    Path file = dir.resolve(key + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return n != null && n.path("key").asText().equals(key) && n.path("answer").isTextual()
          ? Optional.of(new Entry(n.path("answer").asText(), n.path("corrected").asBoolean(false)))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Stores an answer; throws UncheckedIOException when the folder cannot be written (the caller notes it). */
  public void put(String key, String model, Entry entry) {
    try {
      IgnoredDir.create(dir);
      ObjectNode n = JSON.createObjectNode().put("key", key).put("model", model).put("answer", entry.answer())
          .put("corrected", entry.corrected());
      AtomicWriter.write(dir.resolve(key + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n)
          + "\n", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
