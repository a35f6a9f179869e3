package dev.forkstate.config;

import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What a YAML scalar is, as forkstate.yml has always read it (through Jackson's YAML parser until 2026-11): the type
 * is SnakeYAML's YAML 1.1 resolution (the composer's tag), so {@code yes}, {@code on}, {@code 0x10} and {@code 1_000}
 * are not text, while a quoted value always is; a timestamp ({@code 2024-01-01}) and a base-60 number
 * ({@code 1:20}) stay text, as they did.
 *
 * @param kind  the scalar's type
 * @param text  the scalar as written (quotes and escapes resolved)
 * @param whole the value of a whole number (kind INT), else null
 * @param bool  the value of a boolean (kind BOOL), else null
 */
record YamlScalar(Kind kind, String text, BigInteger whole, Boolean bool) {
  enum Kind { NULL, BOOL, INT, FLOAT, TEXT }

  static YamlScalar of(ScalarNode node) {
    String v = node.getValue();
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return new YamlScalar(Kind.NULL, v, null, null);
    }
    if (Tag.BOOL.equals(tag)) {
      Boolean b = bool(v);
      return b == null ? text(v) : new YamlScalar(Kind.BOOL, v, null, b);
    }
    if (Tag.INT.equals(tag)) {
      BigInteger n = whole(v);
      return n == null ? text(v) : new YamlScalar(Kind.INT, v, n, null);
    }
    if (Tag.FLOAT.equals(tag)) {
      return new YamlScalar(Kind.FLOAT, v, null, null);
    }
    return text(v);
  }

  private static YamlScalar text(String v) {
    return new YamlScalar(Kind.TEXT, v, null, null);
  }

  /** The value of a FLOAT or INT scalar as a double; NaN when it is neither or is not a finite number. */
  double number() {
    if (kind == Kind.INT) {
      return whole.doubleValue();
    }
    if (kind != Kind.FLOAT) {
      return Double.NaN;
    }
    String clean = text.replace("_", "");
    if (clean.startsWith("+")) {
      clean = clean.substring(1);
    }
    try {
      double d = Double.parseDouble(clean);
      return Double.isFinite(d) ? d : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN; // .inf, .nan and base-60 floats: not a number a threshold can use
    }
  }

  /** YAML 1.1 booleans (an explicit !!bool may also say y or n); null for any other word. */
  private static Boolean bool(String v) {
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "y", "yes", "on", "true" -> Boolean.TRUE;
      case "n", "no", "off", "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * A YAML 1.1 integer: optional sign, then 0b binary, 0x hex, a leading 0 for octal, or decimal; underscores are
   * ignored. Null for anything else (base 60, which stays text, or digits the base does not have).
   */
  static BigInteger whole(String v) {
    boolean negative = v.startsWith("-");
    String s = negative || v.startsWith("+") ? v.substring(1) : v;
    int radix = 10;
    if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
      radix = 2;
      s = s.substring(2);
    } else if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      radix = 16;
      s = s.substring(2);
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      radix = 8;
      s = s.substring(1);
    }
    s = s.replace("_", "");
    if (s.isEmpty() || s.charAt(0) == '-' || s.charAt(0) == '+') {
      return null;
    }
    try {
      BigInteger n = new BigInteger(s, radix);
      return negative ? n.negate() : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
