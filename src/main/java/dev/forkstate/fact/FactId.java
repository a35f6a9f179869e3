package dev.forkstate.fact;

import java.util.regex.Pattern;

/** A stable, dotted, lowercase identifier such as {@code git.branch.current}. Never built from display text. */
public record FactId(String value) implements Comparable<FactId> {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");

  public FactId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("bad fact id: " + value);
    }
  }

  public static FactId of(String value) {
    return new FactId(value);
  }

  /** Turns a user-given name (a smoke name, a path) into an id segment. */
  public static String segment(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "x" : s;
  }

  /**
   * Written out, with the values the record's own would give ({@code value.equals}, {@code value.hashCode()}): a
   * record's generated equals and hashCode are bound through an invokedynamic bootstrap on first use and then run
   * through a method-handle chain, which the cold JVM interprets; fact ids are map keys on every path of a run, and
   * that cost about 10 ms of CPU per run.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof FactId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(FactId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
