package dev.forkstate.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a key starts in YAML text. Jackson reports an unknown key after it has skipped the key's value, so the
 * position it gives is past the mistake; this re-reads the tokens, following the same path, and stops at the key.
 */
final class KeyLocator {
  private KeyLocator() {}

  static JsonLocation find(String text, List<JsonMappingException.Reference> refs) {
    List<String> want = new ArrayList<>();
    for (JsonMappingException.Reference r : refs) {
      want.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
    }
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      return p.nextToken() == null ? null : walk(p, want, new ArrayList<>());
    } catch (IOException e) {
      return null;
    }
  }

  /** Walks the value at the parser's current token; returns the location of the wanted key, if inside it. */
  private static JsonLocation walk(JsonParser p, List<String> want, List<String> path) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        path.add(p.currentName());
        if (path.equals(want)) {
          return p.currentTokenLocation();
        }
        p.nextToken();
        JsonLocation found = walk(p, want, path);
        if (found != null) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    } else if (t == JsonToken.START_ARRAY) {
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        path.add("[" + i + "]");
        JsonLocation found = walk(p, want, path);
        if (found != null) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    }
    return null;
  }
}
