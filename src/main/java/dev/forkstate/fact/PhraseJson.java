package dev.forkstate.fact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Phrase} as JSON and back: a list of one-key objects, {"words": "on "} or the item's kind in camelCase
 * with its text, {"branch": "fork/stable"}, {"testId": "tests/x.py::t"}. Next to it every writer puts the plain text,
 * so a reader that wants a sentence takes the text and one that wants the paths takes the parts.
 */
public final class PhraseJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  public static final String WORDS = "words";

  private PhraseJson() {}

  /** The plain text under {@code field} and the parts under {@code field + "Parts"}. */
  public static void put(ObjectNode into, String field, Phrase p) {
    into.put(field, p.plain());
    into.set(field + "Parts", parts(p));
  }

  public static ArrayNode parts(Phrase p) {
    ArrayNode a = NODES.arrayNode();
    for (Phrase.Part part : p.parts()) {
      a.addObject().put(part instanceof Phrase.Code c ? key(c.kind()) : WORDS, part.text());
    }
    return a;
  }

  /** Reads what {@link #parts} wrote; a part of a kind this version does not know reads as plain code. */
  public static Phrase read(JsonNode parts) {
    List<Phrase.Part> out = new ArrayList<>();
    for (JsonNode n : parts) {
      var it = n.fields();
      if (!it.hasNext()) {
        continue;
      }
      var f = it.next();
      String text = f.getValue().asText("");
      out.add(f.getKey().equals(WORDS) ? new Phrase.Words(text) : new Phrase.Code(kind(f.getKey()), text));
    }
    return new Phrase(out);
  }

  /** TEST_ID is "testId". */
  public static String key(Phrase.Kind kind) {
    String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder s = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return s.toString();
  }

  private static Phrase.Kind kind(String key) {
    for (Phrase.Kind k : Phrase.Kind.values()) {
      if (key(k).equals(key)) {
        return k;
      }
    }
    return Phrase.Kind.CODE;
  }
}
