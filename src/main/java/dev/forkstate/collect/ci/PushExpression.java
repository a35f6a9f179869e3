package dev.forkstate.collect.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A GitHub Actions expression (an {@code if:} or {@code continue-on-error:} value) evaluated for one situation: a
 * push to the fork branch on which every earlier step passed. The caller may add context values it knows for that
 * situation ({@link NeedsResults}: the jobs this one needs succeeded). Anything that depends on more than that (matrix
 * values, secrets, inputs, other event fields) is UNKNOWN, and UNKNOWN spreads through operators except where the
 * other side settles the answer ({@code false && x} is false whatever x is). Text that does not parse is UNKNOWN too:
 * the caller quotes it instead of guessing.
 */
public final class PushExpression {
  /** The three answers; only TRUE and FALSE are claims. */
  public enum Truth { TRUE, FALSE, UNKNOWN }

  private static final Object UNSET = new Object();
  // The parser recurses per operator and parenthesis; a bound keeps a pathological `if:` from overflowing the stack.
  private static final int MAX_TOKENS = 500;

  private final List<String> tokens;
  private final String branch;
  private final Map<String, Object> extra;
  private int pos;

  private PushExpression(List<String> tokens, String branch, Map<String, Object> known) {
    this.tokens = tokens;
    this.branch = branch;
    this.extra = known;
  }

  /** {@code branch} may be null: then the ref-dependent parts are UNKNOWN. */
  public static Truth evaluate(String text, String branch) {
    return evaluate(text, branch, Map.of());
  }

  /** With more context values known for the situation, keyed by their lower-case path ("needs.build.result"). */
  public static Truth evaluate(String text, String branch, Map<String, Object> known) {
    Optional<String> body = unwrap(text.strip());
    if (body.isEmpty()) {
      return Truth.UNKNOWN;
    }
    try {
      List<String> tokens = ExpressionTokens.split(body.get());
      if (tokens.size() > MAX_TOKENS) {
        return Truth.UNKNOWN;
      }
      PushExpression e = new PushExpression(tokens, branch, known);
      Object v = e.or();
      if (e.pos != e.tokens.size()) {
        return Truth.UNKNOWN;
      }
      return v == UNSET ? Truth.UNKNOWN : ExpressionValues.truthy(v) ? Truth.TRUE : Truth.FALSE;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Truth.UNKNOWN;
    }
  }

  /** `${{ x }}` is x; a bare `if:` value is an expression too; text mixed with `${{ }}` is a string we won't judge. */
  private static Optional<String> unwrap(String text) {
    if (text.startsWith("${{") && text.endsWith("}}") && text.indexOf("${{", 3) < 0) {
      return Optional.of(text.substring(3, text.length() - 2).strip());
    }
    return text.contains("${{") || text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : "";
  }

  private String next() {
    return tokens.get(pos++);
  }

  private void expect(String t) {
    if (!next().equals(t)) {
      throw new IllegalArgumentException("expected " + t);
    }
  }

  private Object or() {
    Object left = and();
    while (peek().equals("||")) {
      next();
      Object right = and();
      if (left != UNSET) {
        left = ExpressionValues.truthy(left) ? left : right;
      } else if (right != UNSET && ExpressionValues.truthy(right)) {
        left = Boolean.TRUE; // x || true is truthy whatever x is; the exact value no longer matters to an if
      }
    }
    return left;
  }

  private Object and() {
    Object left = equality();
    while (peek().equals("&&")) {
      next();
      Object right = equality();
      if (left != UNSET) {
        left = ExpressionValues.truthy(left) ? right : left;
      } else if (right != UNSET && !ExpressionValues.truthy(right)) {
        left = Boolean.FALSE; // x && false is falsy whatever x is
      }
    }
    return left;
  }

  private Object equality() {
    Object left = comparison();
    while (peek().equals("==") || peek().equals("!=")) {
      boolean eq = next().equals("==");
      Object right = comparison();
      left = left == UNSET || right == UNSET ? UNSET : ExpressionValues.looseEquals(left, right) == eq;
    }
    return left;
  }

  private Object comparison() {
    Object left = unary();
    while (List.of("<", "<=", ">", ">=").contains(peek())) {
      String op = next();
      Object right = unary();
      if (left == UNSET || right == UNSET) {
        left = UNSET;
        continue;
      }
      int c;
      if (left instanceof String a && right instanceof String b) {
        c = a.compareToIgnoreCase(b);
      } else {
        double a = ExpressionValues.number(left);
        double b = ExpressionValues.number(right);
        if (Double.isNaN(a) || Double.isNaN(b)) {
          left = Boolean.FALSE;
          continue;
        }
        c = Double.compare(a, b);
      }
      left = switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }
    return left;
  }

  private Object unary() {
    if (peek().equals("!")) {
      next();
      Object v = unary();
      return v == UNSET ? UNSET : !ExpressionValues.truthy(v);
    }
    return primary();
  }

  private Object primary() {
    String t = next();
    if (t.equals("(")) {
      Object v = or();
      expect(")");
      return v;
    }
    if (t.startsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '.') {
      return t.startsWith("0x") ? (double) Long.parseLong(t.substring(2), 16) : Double.parseDouble(t);
    }
    if (!ExpressionTokens.isName(t)) {
      throw new IllegalArgumentException("unexpected " + t);
    }
    if (peek().equals("(")) {
      return call(t.toLowerCase(Locale.ROOT));
    }
    return context(t);
  }

  private Object call(String name) {
    expect("(");
    List<Object> args = new ArrayList<>();
    while (!peek().equals(")")) {
      args.add(or());
      if (peek().equals(",")) {
        next();
      }
    }
    expect(")");
    return switch (name) {
      // The situation judged is a green path: every earlier step passed and nobody cancelled the run.
      case "success", "always" -> Boolean.TRUE;
      case "failure", "cancelled" -> Boolean.FALSE;
      case "contains", "startswith", "endswith" -> text(name, args);
      default -> UNSET;
    };
  }

  private static Object text(String name, List<Object> args) {
    if (args.size() != 2 || !(args.get(0) instanceof String a) || !(args.get(1) instanceof String b)) {
      return UNSET; // arrays, unknowns and coercions: not worth guessing
    }
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "contains" -> s.contains(t);
      case "startswith" -> s.startsWith(t);
      default -> s.endsWith(t);
    };
  }

  /** A literal keyword, or a context value known for a push to the branch; property access reads the path. */
  private Object context(String head) {
    StringBuilder path = new StringBuilder(head.toLowerCase(Locale.ROOT));
    boolean known = true;
    while (peek().equals(".") || peek().equals("[")) {
      if (next().equals(".")) {
        path.append('.').append(next().toLowerCase(Locale.ROOT));
      } else {
        Object key = or();
        expect("]");
        known &= key instanceof String;
        path.append('.').append(key instanceof String s ? s.toLowerCase(Locale.ROOT) : "?");
      }
    }
    String p = path.toString();
    switch (p) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      case "null": return null;
      case "nan": return Double.NaN;
      case "infinity": return Double.POSITIVE_INFINITY;
      default: break;
    }
    if (!known) {
      return UNSET;
    }
    if (p.equals("github.event.pull_request") || p.startsWith("github.event.pull_request.")) {
      return null; // absent from a push event's payload
    }
    return switch (p) {
      case "github.event_name" -> "push";
      case "github.ref_type" -> "branch";
      case "github.head_ref", "github.base_ref" -> ""; // set only for pull request events
      case "github.ref" -> branch == null ? UNSET : "refs/heads/" + branch;
      case "github.ref_name" -> branch == null ? UNSET : branch;
      default -> extra.containsKey(p) ? extra.get(p) : UNSET;
    };
  }
}
