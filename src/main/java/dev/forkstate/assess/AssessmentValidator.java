package dev.forkstate.assess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an assessment written by a model against the measured facts before any of it reaches the report. The
 * answer must be JSON: {"points": [{"text": "...", "cites": ["fact.id", ...], "claims": [{"fact": "fact.id",
 * "status": "FAIL", "number": 3}, ...]}]}; "claims" may be left out (the older shape). A point is dropped, with the
 * reason, when it cites nothing, cites or claims on an id that was not measured, has a claim that differs from the
 * measured status or count (see {@link ClaimCheck}), calls a FAIL, UNKNOWN or SKIPPED fact green or fine, claims
 * speed without a performance fact, or states ahead/behind or test counts in its text that differ from the facts. A
 * point that cannot be checked at all (a malformed claim) is dropped with why; the other points still are. Pure.
 */
public final class AssessmentValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Praise words. A negation or a count just before ("not green", "8 passed") is not praise, nor is "working tree". */
  private static final Pattern GREEN = Pattern.compile(
      "(?i)(?<!not )(?<!n't )(?<!never )(?<!no )(?<!\\d )\\b(green|pass(?! rate)|passes|passing|passed|succeeds|"
          + "succeeded|healthy|fine(?!-)|working(?! (?:tree|directory|copy))|works(?! around)|good|solid|ok|okay)\\b");
  private static final Pattern SPEED = Pattern.compile(
      "(?i)\\b(faster|slower|speed ?up|latency|throughput|p50|p95|p99|performance)\\b");
  private static final Pattern BEHIND = Pattern.compile("(?i)\\b(\\d+) (?:upstream )?commits? behind|behind "
      + "(?:upstream )?by (\\d+)");
  private static final Pattern AHEAD = Pattern.compile("(?i)\\b(\\d+) (?:fork )?commits? ahead|ahead "
      + "(?:of upstream )?by (\\d+)|carries (\\d+) commits?");
  private static final Pattern PASSED = Pattern.compile("(?i)\\b(\\d+) (?:tests? )?passed");
  private static final Pattern FAILED = Pattern.compile("(?i)\\b(\\d+) (?:tests? )?failed");

  private AssessmentValidator() {}

  /** A point that did not survive, and why: the report says how many were dropped and why. */
  public record Dropped(String text, String why) {}

  /** {@code readable} is false when the answer had no list of points to check at all (not JSON, wrong shape). */
  public record Result(List<Assessment.Point> kept, List<Dropped> dropped, boolean readable) {
    public Result {
      kept = List.copyOf(kept);
      dropped = List.copyOf(dropped);
    }

    public Result(List<Assessment.Point> kept, List<Dropped> dropped) {
      this(kept, dropped, true);
    }

    static Result unreadable(String answer, String why) {
      return new Result(List.of(), List.of(new Dropped(abbreviate(answer), why)), false);
    }
  }

  public static Result validate(String answer, FactSet facts) {
    return validate(answer, facts, "points", true);
  }

  /**
   * Checks the list of points under {@code key}. A missing list is a dropped answer when required, else simply
   * nothing (a model asked for optional drafts may leave one out).
   */
  public static Result validate(String answer, FactSet facts, String key, boolean required) {
    JsonNode root;
    try {
      root = JSON.readTree(unfenced(answer));
    } catch (JsonProcessingException e) {
      return Result.unreadable(answer, "the answer is not JSON");
    }
    JsonNode points = root == null ? null : root.get(key);
    if (points == null || !points.isArray()) {
      return required
          ? Result.unreadable(answer, "the answer has no \"" + key + "\" list")
          : new Result(List.of(), List.of());
    }
    List<Assessment.Point> kept = new ArrayList<>();
    List<Dropped> dropped = new ArrayList<>();
    for (JsonNode p : points) {
      String text = p.path("text").asText("").strip();
      try {
        List<String> cites = new ArrayList<>();
        p.path("cites").forEach(c -> cites.add(c.asText()));
        List<Claim> claims = Claim.parse(p.path("claims"));
        // A claim rests on its fact as much as a cite does: the reader sees it among the point's ids.
        for (Claim c : claims) {
          if (!cites.contains(c.fact().value())) {
            cites.add(c.fact().value());
          }
        }
        Optional<String> why = reject(text, cites, claims, facts);
        if (why.isPresent()) {
          dropped.add(new Dropped(abbreviate(text), why.get()));
        } else {
          kept.add(new Assessment.Point(text, cites.stream().map(FactId::of).toList()));
        }
      } catch (RuntimeException e) {
        // One point the checks cannot handle costs that point, never the run or the other points.
        dropped.add(new Dropped(abbreviate(text), "could not be validated: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
      }
    }
    return new Result(kept, dropped);
  }

  /** Models often wrap JSON in a ```json fence even in JSON mode; the fence is not part of the answer. */
  private static String unfenced(String answer) {
    String s = answer.strip();
    if (s.startsWith("```")) {
      int firstNewline = s.indexOf('\n');
      int lastFence = s.lastIndexOf("```");
      if (firstNewline > 0 && lastFence > firstNewline) {
        return s.substring(firstNewline + 1, lastFence);
      }
    }
    return s;
  }

  private static Optional<String> reject(String text, List<String> cites, List<Claim> claims, FactSet facts) {
    if (text.isEmpty()) {
      return Optional.of("empty point");
    }
    if (cites.isEmpty()) {
      return Optional.of("cites no fact");
    }
    List<Fact> cited = new ArrayList<>();
    for (String id : cites) {
      Optional<Fact> f = validId(id) ? facts.get(id) : Optional.empty();
      if (f.isEmpty()) {
        return Optional.of("cites " + id + ", which was not measured");
      }
      cited.add(f.get());
    }
    for (Claim c : claims) {
      Optional<String> wrong = ClaimCheck.disagreement(c, facts.get(c.fact().value()).orElseThrow());
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    Matcher praise = GREEN.matcher(text);
    if (praise.find()) {
      String word = praise.group(1).equalsIgnoreCase("green") ? "" : " (\"" + praise.group(1) + "\")";
      for (Fact f : cited) {
        // SKIPPED is as unproven as UNKNOWN: calling it green is the false green this tool exists to prevent.
        if (f.status() == Status.FAIL || f.status() == Status.UNKNOWN || f.status() == Status.SKIPPED) {
          return Optional.of("calls " + f.id() + " green" + word + ", but it is " + f.status());
        }
      }
    }
    if (SPEED.matcher(text).find() && cited.stream().noneMatch(f -> f.id().value().contains("perf"))) {
      return Optional.of("claims speed or performance without a performance fact");
    }
    return numbers(text, facts);
  }

  private static Optional<String> numbers(String text, FactSet facts) {
    Optional<String> bad = countMismatch(text, BEHIND, facts.count(FactIds.UPSTREAM_BEHIND), "commits behind upstream");
    if (bad.isPresent()) {
      return bad;
    }
    bad = countMismatch(text, AHEAD, facts.count(FactIds.UPSTREAM_AHEAD), "fork commits ahead of upstream");
    if (bad.isPresent()) {
      return bad;
    }
    int passed = 0;
    int failed = 0;
    boolean anyTests = false;
    for (Fact f : facts.withPrefix(FactIds.SMOKE_PREFIX)) {
      if (f.value() instanceof Value.Tests t) {
        passed += t.passed();
        failed += t.failed() + t.errors();
        anyTests = true;
      }
    }
    if (!anyTests) {
      return Optional.empty();
    }
    bad = countMismatch(text, PASSED, Optional.of((long) passed), "tests passed");
    return bad.isPresent() ? bad : countMismatch(text, FAILED, Optional.of((long) failed), "tests failed");
  }

  private static Optional<String> countMismatch(String text, Pattern p, Optional<Long> measured, String what) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      String n = null;
      for (int g = 1; g <= m.groupCount() && n == null; g++) {
        n = m.group(g);
      }
      if (n == null) {
        continue;
      }
      if (measured.isEmpty()) {
        return Optional.of("states " + n + " " + what + ", which was not measured");
      }
      if (!sameNumber(n, measured.get())) {
        return Optional.of("states " + n + " " + what + "; measured " + measured.get());
      }
    }
    return Optional.empty();
  }

  /**
   * Compared as digits, never parsed: a model may write a number of any length ("99999999999999999999 commits
   * ahead"), which then simply is not the measured count.
   */
  private static boolean sameNumber(String digits, long measured) {
    return digits.replaceFirst("^0+(?=\\d)", "").equals(Long.toString(measured));
  }

  private static boolean validId(String id) {
    try {
      FactId.of(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.isEmpty() ? "(empty)" : one.length() > 120 ? one.substring(0, 120) + "…" : one;
  }
}
