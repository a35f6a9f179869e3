package dev.forkstate.collect.ci;

/** GitHub's expression values and their coercions: which are truthy, how `==` compares mixed types. */
final class ExpressionValues {
  private ExpressionValues() {}

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    return !v.toString().isEmpty();
  }

  /** GitHub's `==`: strings ignore case; other mixes compare as numbers. */
  static boolean looseEquals(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x.equalsIgnoreCase(y);
    }
    if (a == null && b == null) {
      return true;
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.equals(y);
    }
    double x = number(a);
    double y = number(b);
    return !Double.isNaN(x) && x == y;
  }

  static double number(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Double d) {
      return d;
    }
    String s = v.toString().strip();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
