package dev.forkstate.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.PhraseJson;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.fact.ValueJson;
import dev.forkstate.report.Line;
import dev.forkstate.report.Report;
import dev.forkstate.report.Section;
import java.util.List;

/**
 * The versioned JSON document: our own contract (camelCase, sorted keys, schemaVersion), built from the report
 * model, never from a library's DTOs. Unlike the Markdown it keeps durations, for history and debugging. Text is
 * never Markdown: every summary, reason and line text is plain, with its parts beside it ({@link PhraseJson}).
 */
public final class JsonRenderer implements Renderer {
  private final ObjectMapper mapper = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Override
  public String render(Report report) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", report.schemaVersion());
    root.put("tool", "forkstate");
    root.put("toolVersion", report.toolVersion());
    root.put("project", report.project());
    root.put("date", report.date());
    root.put("title", report.title());
    root.put("exitCode", report.exitCode());
    root.set("verdict", verdict(report.verdict()));
    ArrayNode facts = root.putArray("facts");
    report.facts().forEach(f -> facts.add(fact(f)));
    ArrayNode findings = root.putArray("findings");
    report.findings().forEach(f -> findings.add(finding(f)));
    root.set("assessment", assessment(report.assessment()));
    ArrayNode sections = root.putArray("sections");
    report.sections().forEach(s -> sections.add(section(s)));
    try {
      return mapper.writeValueAsString(sortKeys(root)).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private ObjectNode fact(Fact f) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", f.id().value());
    n.put("status", f.status().name());
    PhraseJson.put(n, "summary", f.summaryPhrase());
    PhraseJson.put(n, "reason", f.reasonPhrase());
    n.set("value", value(f.value()));
    ArrayNode ev = n.putArray("evidence");
    for (Evidence e : f.evidence()) {
      ObjectNode en = ev.addObject();
      en.put("command", e.command());
      if (e.exitCode() == null) {
        en.putNull("exitCode");
      } else {
        en.put("exitCode", e.exitCode());
      }
      en.put("durationMs", e.duration().toMillis());
      en.put("excerpt", e.excerpt());
      en.put("truncated", e.truncated());
    }
    return n;
  }

  /** The value in the one shape the run history stores too. */
  private ObjectNode value(Value v) {
    return ValueJson.write(v);
  }

  /** The one verdict, as the exit code, the headline and the stderr line state it. */
  private ObjectNode verdict(RunVerdict v) {
    ObjectNode n = mapper.createObjectNode();
    n.put("passed", v.passed()).put("status", v.status().name()).put("sentence", v.sentence())
        .put("line", v.line())
        .put("exitCode", v.exitCode().code());
    for (var e : java.util.Map.of("blocking", v.blocking(), "warned", v.warned(), "notVerified", v.notVerified())
        .entrySet()) {
      ArrayNode ids = n.putArray(e.getKey());
      e.getValue().forEach(f -> ids.add(f.checkId()));
    }
    return n;
  }

  private ObjectNode finding(Finding f) {
    ObjectNode n = mapper.createObjectNode();
    n.put("checkId", f.checkId()).put("label", f.label()).put("title", f.title()).put("status", f.status().name())
        .put("required", f.required());
    PhraseJson.put(n, "reason", f.reason());
    if (f.status() == Status.SKIPPED) {
      n.put("skip", f.skip().name());
    }
    ids(n.putArray("basedOn"), f.basedOn());
    return n;
  }

  private ObjectNode assessment(Assessment a) {
    ObjectNode n = mapper.createObjectNode();
    n.put("prompt", a.prompt()).put("writer", a.writer()).put("cacheKey", a.cacheKey())
        .put("fallback", a.fallback());
    points(n.putArray("points"), a.points());
    ArrayNode dropped = n.putArray("dropped");
    a.dropped().forEach(d -> dropped.addObject().put("text", d.text()).put("why", d.why()));
    ObjectNode drafts = n.putObject("drafts");
    a.drafts().forEach((section, ps) -> points(drafts.putArray(section), ps));
    return n;
  }

  private void points(ArrayNode into, List<Assessment.Point> points) {
    for (Assessment.Point p : points) {
      ObjectNode pn = into.addObject();
      PhraseJson.put(pn, "text", p.text());
      ids(pn.putArray("cites"), p.cites());
    }
  }

  private ObjectNode section(Section s) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", s.id()).put("title", s.title());
    ArrayNode lines = n.putArray("lines");
    for (Line line : s.lines()) {
      if (line instanceof Line.Fold) {
        continue; // how the Markdown folds its evidence: every line is here, in full
      }
      ObjectNode ln = lines.addObject();
      if (line instanceof Line.Bullet b) {
        ln.put("kind", "bullet").put("depth", b.depth()).put("command", b.command());
        PhraseJson.put(ln, "text", b.text());
        if (b.status() == null) {
          ln.putNull("status");
        } else {
          ln.put("status", b.status().name());
        }
        ids(ln.putArray("facts"), b.facts());
      } else if (line instanceof Line.Quote q) {
        ln.put("kind", "quote").put("text", q.text());
      } else if (line instanceof Line.Cited c) {
        ln.put("kind", "cited").put("depth", c.depth());
        PhraseJson.put(ln, "text", c.text());
        ids(ln.putArray("facts"), c.cites());
      } else if (line instanceof Line.Note note) {
        ln.put("kind", "note").put("fact", note.id().value()).put("command", note.command());
        PhraseJson.put(ln, "text", note.text());
        if (note.status() == null) {
          ln.putNull("status");
        } else {
          ln.put("status", note.status().name());
        }
      }
    }
    return n;
  }

  private static void ids(ArrayNode into, List<FactId> ids) {
    ids.forEach(id -> into.add(id.value()));
  }

  /** Object keys in alphabetical order at every level, so the document's bytes do not depend on code order. */
  private ObjectNode sortKeys(ObjectNode node) {
    ObjectNode sorted = mapper.createObjectNode();
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    java.util.Collections.sort(names);
    for (String name : names) {
      sorted.set(name, sortAny(node.get(name)));
    }
    return sorted;
  }

  private com.fasterxml.jackson.databind.JsonNode sortAny(com.fasterxml.jackson.databind.JsonNode n) {
    if (n instanceof ObjectNode o) {
      return sortKeys(o);
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = mapper.createArrayNode();
      a.forEach(x -> out.add(sortAny(x)));
      return out;
    }
    return n;
  }
}
