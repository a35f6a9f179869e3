package dev.forkstate.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.forkstate.fact.LegacyMarkdown;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.ValueJson;
import dev.forkstate.secret.Redactor;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored form of a run's facts, one compact JSON document per run:
 * {"v":2,"facts":[{"id":"upstream.behind","status":"INFO","value":{"type":"count","n":4}}, ...]}, the value in the
 * JSON report's shape. Version 1 was the report's hidden facts line (values as display text); see
 * {@link LegacyDigest}.
 */
public final class RunFactsJson {
  public static final int VERSION = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunFactsJson() {}

  /**
   * The document, with every string passed through the redactor: test ids and failure messages are the project's
   * text and may carry a secret, and the database outlives the run.
   */
  public static String write(RunFacts facts, Redactor redactor) {
    ObjectNode root = JSON.createObjectNode();
    root.put("v", VERSION);
    ArrayNode list = root.putArray("facts");
    facts.facts().forEach((id, e) -> {
      ObjectNode n = list.addObject();
      n.put("id", id);
      n.put("status", e.status().name());
      n.set("value", ValueJson.write(e.value()));
    });
    try {
      return JSON.writeValueAsString(redact(root, redactor));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a version-2 document; empty for anything else (damaged, or not this format). */
  public static Optional<RunFacts> read(String json) {
    try {
      JsonNode root = JSON.readTree(json == null ? "" : json);
      if (root == null || root.path("v").asInt() != VERSION || !root.path("facts").isArray()) {
        return Optional.empty();
      }
      SortedMap<String, RunFacts.Entry> out = new TreeMap<>();
      for (JsonNode n : root.path("facts")) {
        // Rows written before items were typed hold Markdown lists; they read as lists of phrases.
        out.put(n.path("id").asText(), new RunFacts.Entry(status(n.path("status").asText()),
            LegacyMarkdown.value(ValueJson.read(n.path("value")))));
      }
      return Optional.of(new RunFacts(out));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A status this version does not know (written by a newer one) reads as UNKNOWN: it judged nothing we can use. */
  static Status status(String name) {
    try {
      return Status.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Status.UNKNOWN;
    }
  }

  /** Redacts the strings one by one: replacing inside the serialised text could cut through JSON syntax. */
  private static JsonNode redact(JsonNode n, Redactor redactor) {
    if (n.isTextual()) {
      return TextNode.valueOf(redactor.redact(n.asText()));
    }
    if (n instanceof ObjectNode o) {
      java.util.List<String> names = new java.util.ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      names.forEach(name -> o.set(name, redact(o.get(name), redactor)));
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, redact(a.get(i), redactor));
      }
    }
    return n;
  }
}
