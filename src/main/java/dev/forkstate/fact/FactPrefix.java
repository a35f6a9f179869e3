package dev.forkstate.fact;

import java.util.regex.Pattern;

/**
 * The start that a family of fact ids shares, such as {@code smoke.} for every smoke command's fact. Checks and
 * report sections read a family through its prefix; the prefixes are declared in {@link FactIds}.
 */
public record FactPrefix(String value) {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*\\.?");

  public FactPrefix {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("bad fact id prefix: " + value);
    }
  }

  public boolean matches(FactId id) {
    return matches(id.value());
  }

  /** For ids kept as text (a previous report's facts line, a history entry). */
  public boolean matches(String id) {
    return id.startsWith(value);
  }

  /** What follows the prefix in an id it matches: the name a smoke's id was built from, say. */
  public String rest(FactId id) {
    if (!matches(id)) {
      throw new IllegalArgumentException(id + " does not start with " + value);
    }
    return id.value().substring(value.length());
  }

  @Override
  public String toString() {
    return value;
  }
}
