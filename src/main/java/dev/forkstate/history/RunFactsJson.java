package dev.forkstate.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.fact.LegacyMarkdown;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.ValueJson;
import dev.forkstate.secret.Redactor;
import java.io.IOException;
import java.io.StringWriter;
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
   * text and may carry a secret, and the database outlives the run. Written straight to the generator, each string
   * redacted as it is written (the bytes the tree of the document, redacted and serialised, would give): at 20,000
   * commits a run's facts are ~370 KB of JSON, and building, copying and serialising a tree of them took ~40 ms on
   * the main thread of a cold JVM.
   */
  public static String write(RunFacts facts, Redactor redactor) {
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeArrayFieldStart("facts");
      for (var e : facts.facts().entrySet()) {
        g.writeStartObject();
        g.writeStringField("id", redactor.redact(e.getKey()));
        g.writeStringField("status", redactor.redact(e.getValue().status().name()));
        g.writeFieldName("value");
        writeRedacted(g, ValueJson.write(e.getValue().value()), redactor);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * A value's tree as the mapper writes it (fields in order, nulls and empty lists kept), every string redacted; field
   * names are the format's own words. Strings one by one: replacing inside the serialised text could cut through JSON
   * syntax.
   */
  private static void writeRedacted(JsonGenerator g, JsonNode n, Redactor redactor) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (var field : n.properties()) {
          g.writeFieldName(field.getKey());
          writeRedacted(g, field.getValue(), redactor);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode item : n) {
          writeRedacted(g, item, redactor);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(redactor.redact(n.textValue()));
      case NULL -> g.writeNull();
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NUMBER -> writeNumber(g, n);
      default -> JSON.writeTree(g, n); // no other node is in a value's tree; written as the mapper would
    }
  }

  private static void writeNumber(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.numberType()) {
      case INT -> g.writeNumber(n.intValue());
      case LONG -> g.writeNumber(n.longValue());
      default -> JSON.writeTree(g, n);
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
}
