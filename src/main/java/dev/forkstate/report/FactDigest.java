package dev.forkstate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.LegacyMarkdown;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts of a run, reduced to what the next run compares against (status, a value as text, listed items) and
 * carried inside the report as one hidden line. No durations: the same facts give the same line. Made from facts,
 * each entry also keeps the typed value, which comparisons prefer to the text.
 */
public record FactDigest(Map<String, Entry> facts) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_ITEMS = 20;

  public FactDigest {
    facts = new TreeMap<>(facts);
  }

  /** The entry for this id, or null when this digest has none. */
  public Entry entry(FactId id) {
    return facts.get(id.value());
  }

  /**
   * One fact: its status, its value as text, and the items it lists (tags, failing tests). {@code typed} is the value
   * itself when the entry was made from a measured or recorded fact; read back from a report's facts line, where
   * only the text survives, it is {@link Value.None}.
   */
  public record Entry(String status, String value, List<String> items, Value typed) {
    /**
     * Same status as another entry. PASS and INFO count as the same: reports written before INFO existed gave
     * measurements (counts, shas, dates) a PASS, and a new version must not call that a change of the repository.
     */
    public boolean sameStatus(Entry other) {
      return status.equals(other.status) || Set.of(status, other.status).equals(Set.of("PASS", "INFO"));
    }

    public Entry {
      items = List.copyOf(items);
      typed = typed == null ? Value.none() : typed;
    }

    /** An entry as a report's facts line carries it: text only. */
    public Entry(String status, String value, List<String> items) {
      this(status, value, items, Value.none());
    }

    /** The entry for a fact's status and value: the text the facts line carries, and the value itself. */
    public static Entry of(Status status, Value v) {
      String s = status.name();
      if (v instanceof Value.Text t) {
        return new Entry(s, t.text(), List.of(), v);
      } else if (v instanceof Value.Count c) {
        return new Entry(s, Long.toString(c.n()), List.of(), v);
      } else if (v instanceof Value.Series se) {
        return new Entry(s, String.join(" ", se.values().stream().map(String::valueOf).toList()), List.of(), v);
      } else if (v instanceof Value.Flag fl) {
        return new Entry(s, Boolean.toString(fl.on()), List.of(), v);
      } else if (v instanceof Value.Paths p) {
        // Capped: the hidden line must stay small on a big fork; the count is exact.
        return new Entry(s, Integer.toString(p.paths().size()), p.paths().stream().limit(MAX_ITEMS).toList(), v);
      } else if (v instanceof Value.Items it) {
        // Plain text: the line carries what the items say, not how a renderer showed them.
        return new Entry(s, Integer.toString(it.items().size()), it.plain().stream().limit(MAX_ITEMS).toList(), v);
      } else if (v instanceof Value.Changes ch) {
        return new Entry(s, ch.files().size() + " files +" + ch.added() + " -" + ch.deleted(), List.of(), v);
      } else if (v instanceof Value.Commits cs) {
        return new Entry(s, Long.toString(cs.total()), List.of(), v);
      } else if (v instanceof Value.Tests t) {
        List<String> items = new ArrayList<>();
        t.notable().forEach(tc -> items.add(tc.outcome() + " " + tc.id()));
        return new Entry(s, t.passed() + " passed, " + t.failed() + " failed, " + t.errors() + " errors, "
            + t.skipped() + " skipped", items, v);
      }
      return new Entry(s, "", List.of(), v);
    }
  }

  public static FactDigest of(List<Fact> facts) {
    Map<String, Entry> out = new TreeMap<>();
    for (Fact f : facts) {
      out.put(f.id().value(), Entry.of(f.status(), f.value()));
    }
    return new FactDigest(out);
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

  /**
   * Reads what {@link #toCommentJson()} wrote; empty when it is not that (a hand edit, another tool's). Items are
   * read as plain text: reports written before facts were typed carried them as Markdown ("path `x.py`"), and an
   * unchanged fact must compare equal with this run's "path x.py".
   */
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
        f.getValue().path("i").forEach(x -> items.add(LegacyMarkdown.plain(x.asText())));
        out.put(f.getKey(), new Entry(f.getValue().path("s").asText(), f.getValue().path("v").asText(), items));
      }
      return Optional.of(new FactDigest(out));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
