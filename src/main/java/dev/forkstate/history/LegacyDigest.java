package dev.forkstate.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.fact.LegacyMarkdown;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a run as forkstate stored it before version 2: the report's hidden facts line,
 * {"id": {"s": status, "v": value as text, "i": [items]}}. Text is all such a row has, so the type is recovered
 * from its form. This is the one place history reads display text, and only to convert rows written before it
 * stored values; what it cannot recover (passing test ids, messages, lists past 20 items) stays unknown.
 */
final class LegacyDigest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How version 1 wrote a test run's counts. */
  private static final Pattern TESTS = Pattern.compile("(\\d+) passed, (\\d+) failed, (\\d+) errors, (\\d+) skipped");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");

  private LegacyDigest() {}

  /** The run's facts, or empty when the text is not a version-1 digest. */
  static Optional<RunFacts> read(String json) {
    try {
      JsonNode root = JSON.readTree(json == null ? "" : json);
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      SortedMap<String, RunFacts.Entry> out = new TreeMap<>();
      for (var it = root.fields(); it.hasNext(); ) {
        var f = it.next();
        List<String> items = new ArrayList<>();
        f.getValue().path("i").forEach(x -> items.add(x.asText()));
        out.put(f.getKey(), new RunFacts.Entry(RunFactsJson.status(f.getValue().path("s").asText()),
            value(f.getValue().path("v").asText(""), items)));
      }
      return Optional.of(new RunFacts(out));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The typed value behind version 1's text, by the forms its writer gave each type. */
  static Value value(String text, List<String> items) {
    Matcher tests = TESTS.matcher(text);
    if (tests.matches()) {
      List<Value.TestCase> notable = new ArrayList<>();
      for (String item : items) {
        int space = item.indexOf(' ');
        if (space > 0) {
          notable.add(new Value.TestCase(item.substring(space + 1), item.substring(0, space), ""));
        }
      }
      return new Value.Tests(Integer.parseInt(tests.group(1)), Integer.parseInt(tests.group(2)),
          Integer.parseInt(tests.group(3)), Integer.parseInt(tests.group(4)), notable);
    }
    if (!items.isEmpty()) {
      return LegacyMarkdown.value(new Value.Paths(items));
    }
    if (NUMBER.matcher(text).matches()) {
      return new Value.Count(Long.parseLong(text));
    }
    if (text.equals("true") || text.equals("false")) {
      return new Value.Flag(Boolean.parseBoolean(text));
    }
    return text.isEmpty() ? Value.none() : new Value.Text(text);
  }
}
