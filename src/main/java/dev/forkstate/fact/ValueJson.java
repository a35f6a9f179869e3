package dev.forkstate.fact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Value} as JSON and back: {"type": "tests", "passed": 5, ...}. One shape for the JSON report and the run
 * history, so a value reads the same wherever it was written. A list of statements ({@link Value.Items}) is written
 * as a "paths" list of their plain text, as lists always were, plus "items": each one's text and parts
 * ({@link PhraseJson}); a reader that knows only "paths" reads it as before.
 */
public final class ValueJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ValueJson() {}

  public static ObjectNode write(Value v) {
    ObjectNode n = NODES.objectNode();
    if (v instanceof Value.Text t) {
      n.put("type", "text").put("text", t.text());
    } else if (v instanceof Value.Count c) {
      n.put("type", "count").put("n", c.n());
    } else if (v instanceof Value.Series se) {
      n.put("type", "series");
      ArrayNode a = n.putArray("values");
      se.values().forEach(a::add);
    } else if (v instanceof Value.Flag f) {
      n.put("type", "flag").put("on", f.on());
    } else if (v instanceof Value.Paths p) {
      n.put("type", "paths");
      ArrayNode a = n.putArray("paths");
      p.paths().forEach(a::add);
    } else if (v instanceof Value.Items it) {
      n.put("type", "paths");
      ArrayNode a = n.putArray("paths");
      it.plain().forEach(a::add);
      ArrayNode items = n.putArray("items");
      it.items().forEach(phrase -> items.add(item(phrase)));
    } else if (v instanceof Value.Changes ch) {
      n.put("type", "changes").put("added", ch.added()).put("deleted", ch.deleted());
      ArrayNode a = n.putArray("files");
      ch.files().forEach(fc -> a.addObject().put("path", fc.path()).put("added", fc.added())
          .put("deleted", fc.deleted()).put("binary", fc.binary()));
    } else if (v instanceof Value.Tests t) {
      n.put("type", "tests").put("passed", t.passed()).put("failed", t.failed()).put("errors", t.errors())
          .put("skipped", t.skipped());
      ArrayNode a = n.putArray("notable");
      t.notable().forEach(tc -> a.addObject().put("id", tc.id()).put("outcome", tc.outcome())
          .put("message", tc.message()));
      ArrayNode ok = n.putArray("passedIds");
      t.passedIds().forEach(ok::add);
      if (t.atMergeBase() != null) {
        Value.Baseline b = t.atMergeBase();
        ObjectNode base = n.putObject("atMergeBase").put("sha", b.sha()).put("notCompared", b.notCompared());
        b.alsoFailing().forEach(base.putArray("alsoFailing")::add);
        b.passing().forEach(base.putArray("passing")::add);
        b.notThere().forEach(base.putArray("notThere")::add);
      }
    } else if (v instanceof Value.Commits cs) {
      n.put("type", "commits").put("total", cs.total());
      ArrayNode a = n.putArray("commits");
      cs.commits().forEach(c -> a.addObject().put("sha", c.sha()).put("subject", c.subject()));
    } else {
      n.put("type", "none");
    }
    return n;
  }

  /**
   * Reads what {@link #write} wrote. A type this version does not know reads as no value: a reader of old data must
   * not fail on one field it cannot use.
   */
  public static Value read(JsonNode n) {
    return switch (n.path("type").asText("")) {
      case "text" -> new Value.Text(n.path("text").asText(""));
      case "count" -> new Value.Count(n.path("n").asLong());
      case "series" -> new Value.Series(java.util.stream.StreamSupport.stream(n.path("values").spliterator(), false)
          .map(JsonNode::asLong).toList());
      case "flag" -> new Value.Flag(n.path("on").asBoolean());
      case "paths" -> n.has("items") ? new Value.Items(items(n.path("items"))) : new Value.Paths(texts(n.path("paths")));
      case "changes" -> new Value.Changes(files(n.path("files")));
      case "tests" -> new Value.Tests(n.path("passed").asInt(), n.path("failed").asInt(), n.path("errors").asInt(),
          n.path("skipped").asInt(), cases(n.path("notable")), texts(n.path("passedIds")), baseline(n));
      case "commits" -> new Value.Commits(commits(n.path("commits")), n.path("total").asLong());
      default -> Value.none();
    };
  }

  /** One entry of a list: {"text": plain text, "parts": its parts}. */
  private static ObjectNode item(Phrase p) {
    ObjectNode n = NODES.objectNode().put("text", p.plain());
    n.set("parts", PhraseJson.parts(p));
    return n;
  }

  private static List<Phrase> items(JsonNode a) {
    List<Phrase> out = new ArrayList<>();
    a.forEach(x -> out.add(PhraseJson.read(x.path("parts"))));
    return out;
  }

  private static List<String> texts(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static List<Value.FileChange> files(JsonNode a) {
    List<Value.FileChange> out = new ArrayList<>();
    a.forEach(x -> out.add(new Value.FileChange(x.path("path").asText(), x.path("added").asLong(),
        x.path("deleted").asLong(), x.path("binary").asBoolean())));
    return out;
  }

  private static List<Value.TestCase> cases(JsonNode a) {
    List<Value.TestCase> out = new ArrayList<>();
    a.forEach(x -> out.add(new Value.TestCase(x.path("id").asText(), x.path("outcome").asText(),
        x.path("message").asText(""))));
    return out;
  }

  /** The merge-base comparison of a failing run, or null when the run was not compared (or written before it was). */
  private static Value.Baseline baseline(JsonNode n) {
    JsonNode b = n.get("atMergeBase");
    return b == null || !b.isObject() ? null : new Value.Baseline(b.path("sha").asText(""),
        texts(b.path("alsoFailing")), texts(b.path("passing")), texts(b.path("notThere")),
        b.path("notCompared").asText(""));
  }

  private static List<Value.Commit> commits(JsonNode a) {
    List<Value.Commit> out = new ArrayList<>();
    a.forEach(x -> out.add(new Value.Commit(x.path("sha").asText(), x.path("subject").asText())));
    return out;
  }
}
