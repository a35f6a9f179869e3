package dev.forkstate.collect.happypath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.PhraseJson;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scan {@link HappyPathCollector.Summary} as a JSON tree and back, written by hand so that a run builds no bean
 * (de)serializers by reflection: in a cold JVM that cost more CPU than the rest of the cache. The shape is the one
 * Jackson's databind wrote for the records (components in declaration order, a phrase as {@link PhraseJson#parts}),
 * so cache files written before stay valid. A tree of any other shape is refused (IllegalArgumentException): the
 * caller takes that as no entry and recomputes.
 */
final class SummaryJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SummaryJson() {}

  static ObjectNode write(HappyPathCollector.Summary s) {
    ObjectNode o = NODES.objectNode();
    o.set("flags", array(s.flags(), SummaryJson::candidate));
    o.set("defaults", array(s.defaults(), SummaryJson::candidate));
    o.set("imports", array(s.imports(), SummaryJson::newImport));
    o.set("guardedAnywhere", strings(s.guardedAnywhere()));
    o.set("addedModules", strings(s.addedModules()));
    o.set("guardedImports", array(s.guardedImports(), SummaryJson::phrase));
    o.set("unparsed", strings(s.unparsed()));
    o.set("testDirs", strings(s.testDirs()));
    o.set("credentials", array(s.credentials(), SummaryJson::candidate));
    o.set("testOnly", array(s.testOnly(), SummaryJson::candidate));
    o.set("scripts", strings(s.scripts()));
    return o;
  }

  static HappyPathCollector.Summary read(JsonNode n) {
    return new HappyPathCollector.Summary(list(n, "flags", SummaryJson::candidate),
        list(n, "defaults", SummaryJson::candidate), list(n, "imports", SummaryJson::newImport),
        list(n, "guardedAnywhere", SummaryJson::text), list(n, "addedModules", SummaryJson::text),
        list(n, "guardedImports", SummaryJson::phrase), list(n, "unparsed", SummaryJson::text),
        list(n, "testDirs", SummaryJson::text), list(n, "credentials", SummaryJson::candidate),
        list(n, "testOnly", SummaryJson::candidate), list(n, "scripts", SummaryJson::text));
  }

  private static JsonNode candidate(Value.Candidate c) {
    ObjectNode o = NODES.objectNode();
    o.set("text", phrase(c.text()));
    o.set("keys", strings(c.keys()));
    return o;
  }

  private static Value.Candidate candidate(JsonNode n) {
    return new Value.Candidate(phrase(field(n, "text")), list(n, "keys", SummaryJson::text));
  }

  private static JsonNode newImport(NewImport i) {
    ObjectNode o = NODES.objectNode();
    o.set("pkg", text(i.pkg()));
    o.set("paths", strings(i.paths()));
    o.set("file", text(i.file()));
    o.set("module", text(i.module()));
    return o;
  }

  private static NewImport newImport(JsonNode n) {
    return new NewImport(text(field(n, "pkg")), list(n, "paths", SummaryJson::text), text(field(n, "file")),
        text(field(n, "module")));
  }

  private static JsonNode phrase(Phrase p) {
    return p == null ? NODES.nullNode() : PhraseJson.parts(p);
  }

  private static Phrase phrase(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException("a phrase is an array of parts: " + n.getNodeType());
    }
    return PhraseJson.read(n);
  }

  private static JsonNode text(String s) {
    return s == null ? NODES.nullNode() : NODES.textNode(s);
  }

  private static String text(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException("not a string: " + n.getNodeType());
    }
    return n.textValue();
  }

  private static ArrayNode strings(List<String> items) {
    return array(items, SummaryJson::text);
  }

  private static <T> ArrayNode array(List<T> items, Function<T, JsonNode> one) {
    if (items == null) {
      return null; // set(field, null) writes a JSON null, as databind did
    }
    ArrayNode a = NODES.arrayNode();
    items.forEach(item -> a.add(one.apply(item)));
    return a;
  }

  /** The list under {@code name}: null when the JSON holds null there, refused when the field is missing. */
  private static <T> List<T> list(JsonNode n, String name, Function<JsonNode, T> one) {
    JsonNode a = field(n, name);
    if (a.isNull()) {
      return null;
    }
    if (!a.isArray()) {
      throw new IllegalArgumentException(name + " is not an array: " + a.getNodeType());
    }
    List<T> out = new ArrayList<>(a.size());
    a.forEach(item -> out.add(one.apply(item)));
    return out;
  }

  private static JsonNode field(JsonNode n, String name) {
    JsonNode v = n.isObject() ? n.get(name) : null;
    if (v == null) {
      throw new IllegalArgumentException("no field " + name);
    }
    return v;
  }
}
