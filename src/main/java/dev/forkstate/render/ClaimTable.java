package dev.forkstate.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.fact.PhraseJson;
import dev.forkstate.verify.CheckedClaim;
import dev.forkstate.verify.Claim;
import dev.forkstate.verify.Verdict;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The verdicts of `forkstate verify`: a Markdown table for people, a versioned JSON document for scripts. */
public final class ClaimTable {
  private ClaimTable() {}

  /** What verify says of a document that is not a state report: its sections and prompt are not held against it. */
  public static final String NOT_A_STATE_REPORT = "Not a state report (no \"State of\" title and fewer than 3 of "
      + "its sections): checked for the claims it makes; sections and the prompt are not required.";

  public static String markdown(String reportName, List<CheckedClaim> claims, boolean stateReport) {
    StringBuilder md = new StringBuilder();
    md.append("# Claims in ").append(reportName).append("\n\n");
    if (!stateReport) {
      md.append(NOT_A_STATE_REPORT).append("\n\n");
    }
    md.append("| line | claim | verdict | evidence |\n|---:|---|---|---|\n");
    for (CheckedClaim c : claims) {
      md.append("| ").append(c.claim().line() == 0 ? "-" : Integer.toString(c.claim().line())).append(" | ")
          .append(cell(describe(c.claim()))).append(" | **").append(c.verdict()).append("** | ")
          .append(cell(MarkdownText.of(c.evidence())
              + (c.command().isEmpty() ? "" : " · " + CodeSpan.of(c.command()))))
          .append(" |\n");
    }
    md.append('\n').append(summary(claims)).append('\n');
    return md.toString();
  }

  public static String json(String reportName, List<CheckedClaim> claims, boolean stateReport) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", 1).put("report", reportName).put("stateReport", stateReport);
    ArrayNode arr = root.putArray("claims");
    for (CheckedClaim c : claims) {
      ObjectNode claim = arr.addObject().put("line", c.claim().line()).put("kind", c.claim().kind().name())
          .put("subject", c.claim().subject()).put("command", c.claim().command())
          .put("verdict", c.verdict().name()).put("evidenceCommand", c.command());
      PhraseJson.put(claim, "evidence", c.evidence());
    }
    ObjectNode counts = root.putObject("counts");
    counts(claims).forEach((k, v) -> counts.put(k.name(), v));
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String summary(List<CheckedClaim> claims) {
    Map<Verdict, Integer> n = counts(claims);
    String line = claims.size() + " claims: " + n.get(Verdict.TRUE) + " TRUE, " + n.get(Verdict.FALSE) + " FALSE, "
        + n.get(Verdict.UNVERIFIABLE) + " UNVERIFIABLE";
    return n.get(Verdict.TRUE) + n.get(Verdict.FALSE) == 0 ? line + " (nothing could be verified)" : line;
  }

  private static Map<Verdict, Integer> counts(List<CheckedClaim> claims) {
    Map<Verdict, Integer> n = new TreeMap<>();
    for (Verdict v : Verdict.values()) {
      n.put(v, 0);
    }
    claims.forEach(c -> n.merge(c.verdict(), 1, Integer::sum));
    return n;
  }

  private static String describe(Claim c) {
    return switch (c.kind()) {
      case PATH -> CodeSpan.of(c.subject()) + " exists";
      case REFERENCE -> "path " + CodeSpan.of(c.subject()) + " exists";
      case ABSENT -> CodeSpan.of(c.subject()) + " is absent";
      case COMMAND -> "command runs: " + CodeSpan.of(c.command());
      case STATUS -> "\"" + MarkdownText.inline(c.subject()) + "\": " + CodeSpan.of(c.command());
      case CI_STATUS -> "CI " + CodeSpan.of(c.command()) + " is \"" + MarkdownText.inline(c.subject()) + "\"";
      case PROSE_STATUS -> "\"" + MarkdownText.inline(c.subject()) + "\" (no command)";
      case SYMBOL -> "code " + CodeSpan.of(c.subject());
      case BRANCH_STATUS -> "branch " + CodeSpan.of(c.subject()) + ": \"" + MarkdownText.inline(c.command()) + "\"";
      case PRS_PREPARED -> "\"" + MarkdownText.inline(c.subject()) + "\"";
      case PULL_REQUEST -> "pull request #" + MarkdownText.inline(c.subject())
          + (c.command().isEmpty() ? "" : " (" + CodeSpan.of(c.command()) + ")");
      case PROMPT -> "the prompt is quoted verbatim";
      case SECTION -> "section \"" + MarkdownText.inline(c.subject()) + "\" is present";
    };
  }

  /**
   * A table cell: pipes escaped (GitHub reads \| inside code spans in tables too), one line. A pipe the words escaper
   * already escaped (an odd run of backslashes before it) is left alone: a second backslash would escape the first
   * and let the pipe end the cell.
   */
  static String cell(String text) {
    String one = text.replace("\r", " ").replace("\n", " ");
    StringBuilder out = new StringBuilder(one.length() + 8);
    int backslashes = 0;
    for (char c : one.toCharArray()) {
      if (c == '|' && backslashes % 2 == 0) {
        out.append('\\');
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
      out.append(c);
    }
    return out.toString();
  }
}
