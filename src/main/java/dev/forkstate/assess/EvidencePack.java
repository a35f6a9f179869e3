package dev.forkstate.assess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.check.Finding;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Value;
import java.util.List;

/**
 * The measured facts as the compact JSON a model answers from: id, status, what was measured (or why not), the
 * command and the value, plus the required checks and the facts they rest on. Everything in it is data: commit
 * subjects, paths and test messages are JSON strings, never part of the instructions. No durations and sorted ids,
 * so the same facts give the same bytes (and the same cache key). Lists are capped: the pack stays small on a big fork.
 */
public final class EvidencePack {
  static final int MAX_ITEMS = 40;
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
      true);

  private EvidencePack() {}

  public static String of(FactSet facts, List<Finding> findings) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode fs = root.putArray("facts");
    for (Fact f : facts.all()) {
      ObjectNode n = fs.addObject();
      n.put("id", f.id().value()).put("status", f.status().name());
      if (!f.summary().isEmpty()) {
        n.put("measured", f.summary());
      }
      if (!f.reason().isEmpty()) {
        n.put("reason", f.reason());
      }
      if (!f.command().isEmpty()) {
        n.put("command", f.command());
      }
      value(n, f.value());
    }
    ArrayNode checks = root.putArray("required_checks");
    findings.stream().filter(Finding::required).forEach(f -> {
      ObjectNode n = checks.addObject().put("check", f.checkId()).put("status", f.status().name())
          .put("reason", f.reason().plain());
      ArrayNode on = n.putArray("based_on_fact_ids");
      f.basedOn().forEach(id -> on.add(id.value()));
    });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evidence pack", e);
    }
  }

  private static void value(ObjectNode n, Value v) {
    if (v instanceof Value.Count c) {
      n.put("value", c.n());
    } else if (v instanceof Value.Flag fl) {
      n.put("value", fl.on());
    } else if (v instanceof Value.Text t && !t.text().isEmpty()) {
      n.put("value", t.text());
    } else if (v instanceof Value.Paths p) {
      capped(n.putArray("items"), p.paths(), n);
    } else if (v instanceof Value.Items it) {
      capped(n.putArray("items"), it.plain(), n);
    } else if (v instanceof Value.Changes ch) {
      n.put("files", ch.files().size()).put("lines_added", ch.added()).put("lines_deleted", ch.deleted());
      capped(n.putArray("items"), ch.files().stream().map(f -> f.path() + " +" + f.added() + " -" + f.deleted())
          .toList(), n);
    } else if (v instanceof Value.Tests t) {
      n.put("passed", t.passed()).put("failed", t.failed()).put("errors", t.errors()).put("skipped", t.skipped());
      capped(n.putArray("items"), t.notable().stream().map(c -> c.outcome() + " " + c.id() + ": " + c.message())
          .toList(), n);
    } else if (v instanceof Value.Commits cs) {
      n.put("total", cs.total());
      capped(n.putArray("items"), cs.commits().stream().map(c -> c.sha() + " " + c.subject()).toList(), n);
    }
  }

  private static void capped(ArrayNode a, List<String> items, ObjectNode owner) {
    items.stream().limit(MAX_ITEMS).forEach(a::add);
    if (items.size() > MAX_ITEMS) {
      owner.put("items_not_listed", items.size() - MAX_ITEMS);
    }
  }
}
