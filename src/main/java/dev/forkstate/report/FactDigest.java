package dev.forkstate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts of a run, reduced to what the next run compares against (status, a value as text, listed items) and
 * carried inside the report as one hidden line. No durations: the same facts give the same line.
 */
public record FactDigest(Map<String, Entry> facts) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_ITEMS = 20;

  public FactDigest {
    facts = new TreeMap<>(facts);
  }

  /** One fact: its status, its value as text, and the items it lists (tags, failing tests). */
  public record Entry(String status, String value, List<String> items) {
    /**
     * Same status as another entry. PASS and INFO count as the same: reports written before INFO existed gave
     * measurements (counts, shas, dates) a PASS, and a new version must not call that a change of the repository.
     */
    public boolean sameStatus(Entry other) {
      return status.equals(other.status) || Set.of(status, other.status).equals(Set.of("PASS", "INFO"));
    }

    public Entry {
      items = List.copyOf(items);
    }
  }

  public static FactDigest of(List<Fact> facts) {
    Map<String, Entry> out = new TreeMap<>();
    for (Fact f : facts) {
      out.put(f.id().value(), entry(f));
    }
    return new FactDigest(out);
  }

  private static Entry entry(Fact f) {
    Value v = f.value();
    String status = f.status().name();
    if (v instanceof Value.Text t) {
      return new Entry(status, t.text(), List.of());
    } else if (v instanceof Value.Count c) {
      return new Entry(status, Long.toString(c.n()), List.of());
    } else if (v instanceof Value.Flag fl) {
      return new Entry(status, Boolean.toString(fl.on()), List.of());
    } else if (v instanceof Value.Paths p) {
      // Capped: the hidden line must stay small on a big fork; the count is exact.
      return new Entry(status, Integer.toString(p.paths().size()), p.paths().stream().limit(MAX_ITEMS).toList());
    } else if (v instanceof Value.Changes ch) {
      return new Entry(status, ch.files().size() + " files +" + ch.added() + " -" + ch.deleted(), List.of());
    } else if (v instanceof Value.Commits cs) {
      return new Entry(status, Long.toString(cs.total()), List.of());
    } else if (v instanceof Value.Tests t) {
      List<String> items = new ArrayList<>();
      t.notable().forEach(tc -> items.add(tc.outcome() + " " + tc.id()));
      return new Entry(status, t.passed() + " passed, " + t.failed() + " failed, " + t.errors() + " errors, "
          + t.skipped() + " skipped", items);
    }
    return new Entry(status, "", List.of());
  }

  /** Compact JSON, safe inside an HTML comment: "--" never appears (it is written as "-\u002d"). */
  public String toCommentJson() {
    ObjectNode root = JSON.createObjectNode();
    facts.forEach((id, e) -> {
      ObjectNode n = root.putObject(id);
      n.put("s", e.status());
      n.put("v", e.value());
      if (!e.items().isEmpty()) {
        ArrayNode a = n.putArray("i");
        e.items().forEach(a::add);
      }
    });
    try {
      return JSON.writeValueAsString(root).replace("--", "-\\u002d").replace(">", "\\u003e");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads what {@link #toCommentJson()} wrote; empty when it is not that (a hand edit, another tool's). */
  public static Optional<FactDigest> fromCommentJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      Map<String, Entry> out = new TreeMap<>();
      for (var it = root.fields(); it.hasNext(); ) {
        var f = it.next();
        List<String> items = new ArrayList<>();
        f.getValue().path("i").forEach(x -> items.add(x.asText()));
        out.put(f.getKey(), new Entry(f.getValue().path("s").asText(), f.getValue().path("v").asText(), items));
      }
      return Optional.of(new FactDigest(out));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
