package dev.forkstate.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.forkstate.fact.LegacyMarkdown;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.ValueJson;
import dev.forkstate.secret.Redactor;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
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

  /**
   * Reads a version-2 document keeping only the facts {@code wanted} names, without building the others: a large
   * fork's run holds hundreds of kilobytes of path lists that the trends never look at, and the trends read ten runs
   * on every report (a JSON tree of each was most of the history phase at 20,000 commits). The same entries as
   * {@link #read(String)} for the facts kept; empty for anything else.
   */
  public static Optional<RunFacts> read(String json, Predicate<String> wanted) {
    try (JsonParser p = JSON.getFactory().createParser(json == null ? "" : json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      int version = -1;
      SortedMap<String, RunFacts.Entry> out = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("v") && t == JsonToken.VALUE_NUMBER_INT) {
          version = p.getIntValue();
        } else if (name.equals("facts") && t == JsonToken.START_ARRAY) {
          out = facts(p, wanted);
        } else {
          p.skipChildren();
        }
      }
      return version == VERSION && out != null ? Optional.of(new RunFacts(out)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The facts array's wanted entries; a value is built only once its fact's id says it is wanted. */
  private static SortedMap<String, RunFacts.Entry> facts(JsonParser p, Predicate<String> wanted) throws IOException {
    SortedMap<String, RunFacts.Entry> out = new TreeMap<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String id = null;
      String status = "";
      JsonNode value = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("id")) {
          id = p.getValueAsString("");
        } else if (field.equals("status")) {
          status = p.getValueAsString("");
        } else if (field.equals("value") && (id == null || wanted.test(id))) {
          value = p.readValueAsTree(); // written after the id; kept when the id is not known yet
        } else {
          p.skipChildren();
        }
      }
      if (id != null && wanted.test(id)) {
        out.put(id, new RunFacts.Entry(status(status), LegacyMarkdown.value(ValueJson.read(
            value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value))));
      }
    }
    return out;
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
