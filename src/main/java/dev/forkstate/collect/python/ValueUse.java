package dev.forkstate.collect.python;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the code does with a value the scanner traced (an env var's value, a parameter, a parsed CLI option), as
 * pyscan.py reports it. A value compared or parsed selects behaviour; one only tested for being set is a switch too;
 * one handed on as a value (an {@code api_key=} argument, a header) may be a credential.
 */
public enum ValueUse {
  /** Compared with a value ({@code == "basic"}, {@code in ("1", "true")}) or parsed into a number or boolean. */
  COMPARED("compared"),
  /** Only tested for being set ({@code if x:}, {@code x is None}). */
  PRESENCE("presence"),
  /** Handed on as a value: an argument, a header, a returned value, a stored attribute. */
  PASSED("passed");

  private final String word;

  ValueUse(String word) {
    this.word = word;
  }

  /** The scanner's word for it; an unknown word is no use (not traced), never a guess. */
  static Optional<ValueUse> of(String word) {
    for (ValueUse u : values()) {
      if (u.word.equals(word)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /**
   * Traced uses that treat the value as a value: handed on or checked for being set, and never compared with a
   * value or parsed (which would make it a switch). None traced is not that: nothing is known.
   */
  public static boolean neverCompared(Set<ValueUse> uses) {
    return !uses.isEmpty() && !uses.contains(COMPARED);
  }

  /** The uses of one name, none when nothing was traced. */
  public static Set<ValueUse> in(Map<String, Set<ValueUse>> uses, String name) {
    return uses.getOrDefault(name, Set.of());
  }
}
