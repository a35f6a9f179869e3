package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.fact.ValueJson;
import dev.forkstate.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The stored document is written straight to a generator: its bytes are those of the tree it was built as before
 * (redacted node by node, then serialised by the mapper), for every kind of value, so a rerun keeps repeating the
 * newest row (same digest) across the change.
 */
class RunFactsJsonBytesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

  /** The writer before it streamed: the tree, redacted string by string, serialised by the mapper. */
  private static String byTree(RunFacts facts, Redactor redactor) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("v", RunFactsJson.VERSION);
    ArrayNode list = root.putArray("facts");
    facts.facts().forEach((id, e) -> {
      ObjectNode n = list.addObject();
      n.put("id", id);
      n.put("status", e.status().name());
      n.set("value", ValueJson.write(e.value()));
    });
    return JSON.writeValueAsString(redact(root, redactor));
  }

  private static JsonNode redact(JsonNode n, Redactor redactor) {
    if (n.isTextual()) {
      return TextNode.valueOf(redactor.redact(n.asText()));
    }
    if (n instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      names.forEach(name -> o.set(name, redact(o.get(name), redactor)));
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, redact(a.get(i), redactor));
      }
    }
    return n;
  }

  private static RunFacts everyKind() {
    SortedMap<String, RunFacts.Entry> facts = new TreeMap<>();
    facts.put("a.text", new RunFacts.Entry(Status.INFO, new Value.Text("naïve \"quoted\" \\ tab\t line\n " + TOKEN)));
    facts.put("a.count", new RunFacts.Entry(Status.PASS, new Value.Count(Long.MAX_VALUE)));
    facts.put("a.small", new RunFacts.Entry(Status.WARN, new Value.Count(-3)));
    facts.put("a.series", new RunFacts.Entry(Status.INFO, new Value.Series(List.of(1L, 0L, 3L))));
    facts.put("a.flag", new RunFacts.Entry(Status.FAIL, new Value.Flag(true)));
    facts.put("a.paths", new RunFacts.Entry(Status.INFO, new Value.Paths(List.of("b/ü.py", "a/" + TOKEN))));
    facts.put("a.items", new RunFacts.Entry(Status.INFO, new Value.Items(List.of(
        Phrase.of(Phrase.Kind.PATH, "pkg/x.py").then(": 2 commits"), Phrase.of("https://u:hunter22@h/x \u2028")))));
    facts.put("a.changes", new RunFacts.Entry(Status.INFO, new Value.Changes(List.of(
        new Value.FileChange("z.py", 3, 1, false), new Value.FileChange("img.png", 0, 0, true)))));
    facts.put("a.tests", new RunFacts.Entry(Status.FAIL, new Value.Tests(5, 1, 1, 2,
        List.of(new Value.TestCase("t.py::a", "failed", "assert " + TOKEN), new Value.TestCase("t.py::b", "skipped",
            null)), List.of("t.py::c")).withMergeBase(new Value.Baseline("abc", List.of("t.py::a"), List.of(),
        List.of("t.py::z"), ""))));
    facts.put("a.commits", new RunFacts.Entry(Status.INFO, new Value.Commits(List.of(
        new Value.Commit("0123abc", "Fix \u00e9 \uD83D\uDE00 " + TOKEN)), 7)));
    facts.put("a.none", new RunFacts.Entry(Status.SKIPPED, new Value.None()));
    facts.put("smoke." + TOKEN, new RunFacts.Entry(Status.UNKNOWN, new Value.Text("")));
    return new RunFacts(facts);
  }

  @Test
  void theStreamedDocumentIsTheTreesBytesForEveryKindOfValue() throws Exception {
    Redactor redactor = Redactor.none().with("hunter22");
    String streamed = RunFactsJson.write(everyKind(), redactor);
    assertThat(streamed).isEqualTo(byTree(everyKind(), redactor)).doesNotContain(TOKEN, "hunter22");
    assertThat(RunFactsJson.write(everyKind(), Redactor.disabled())).isEqualTo(byTree(everyKind(), Redactor.disabled()));
    assertThat(RunFactsJson.write(RunFacts.empty(), redactor)).isEqualTo(byTree(RunFacts.empty(), redactor))
        .isEqualTo("{\"v\":2,\"facts\":[]}");
  }

  @Test
  void aLargeRunHasTheTreesBytes() throws Exception {
    SortedMap<String, RunFacts.Entry> facts = new TreeMap<>();
    List<Phrase> paths = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      paths.add(Phrase.of(Phrase.Kind.PATH, "pkg/mod_" + i + ".py").then(": " + i + " commits"));
    }
    facts.put("upstream.patches.fork-only", new RunFacts.Entry(Status.INFO, new Value.Items(paths)));
    RunFacts run = new RunFacts(facts);
    assertThat(RunFactsJson.write(run, Redactor.none())).isEqualTo(byTree(run, Redactor.none()));
  }
}
