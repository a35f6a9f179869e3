package dev.forkstate.assess;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forkstate.fact.FactId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One thing a point states about one fact, as the model wrote it: the fact, what is stated ({@code status},
 * {@code number}, or a test count {@code passed}, {@code failed}, {@code errors}, {@code skipped}) and the stated
 * value as written. Kept as text so any number the model writes (20 digits, negative) is compared, never overflowed.
 * The wire shape is {@code {"fact": "smoke.smokes", "status": "FAIL", "passed": 8}}: one fact, one or more keys.
 */
record Claim(FactId fact, String field, String stated) {
  static final String STATUS = "status";
  static final String NUMBER = "number";
  /** Test-run counts by key, in the evidence pack's own names, so the model copies what it read. */
  static final List<String> TEST_COUNTS = List.of("passed", "failed", "errors", "skipped");

  /**
   * The claims of one point; none when the point has no {@code claims} (the older answer shape). Throws
   * IllegalArgumentException on a claim that is not of the wire shape: the validator drops that point with the message.
   */
  static List<Claim> parse(JsonNode claims) {
    if (claims.isMissingNode() || claims.isNull()) {
      return List.of();
    }
    if (!claims.isArray()) {
      throw new IllegalArgumentException("\"claims\" is not a list");
    }
    List<Claim> out = new ArrayList<>();
    for (JsonNode c : claims) {
      out.addAll(one(c));
    }
    return out;
  }

  /** The stated value for a reason: bounded, since the model chose its length. */
  String shown() {
    return stated.length() > 40 ? stated.substring(0, 40) + "…" : stated;
  }

  private static List<Claim> one(JsonNode c) {
    if (!c.isObject() || !c.path("fact").isTextual()) {
      throw new IllegalArgumentException("claim " + abbreviate(c) + " has no \"fact\" id");
    }
    FactId fact = FactId.of(c.path("fact").asText());
    List<Claim> out = new ArrayList<>();
    for (Iterator<String> keys = c.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      JsonNode v = c.get(key);
      if (key.equals("fact")) {
        continue;
      } else if (key.equals(STATUS) && v.isTextual()) {
        out.add(new Claim(fact, key, v.asText()));
      } else if ((key.equals(NUMBER) || TEST_COUNTS.contains(key)) && v.isIntegralNumber()) {
        out.add(new Claim(fact, key, v.bigIntegerValue().toString()));
      } else {
        // A key forkstate cannot check (or a value of the wrong kind) is a statement nobody verified.
        throw new IllegalArgumentException("claim on " + fact + " has " + key + " " + abbreviate(v)
            + "; a claim states \"status\" (a name) or \"number\", \"passed\", \"failed\", \"errors\", \"skipped\" "
            + "(whole numbers)");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("claim on " + fact + " states nothing");
    }
    return out;
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
