package dev.forkstate.collect.happypath;

import dev.forkstate.collect.python.ValueUse;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How the fork's changed Python files use each env var they read, across files: whether any non-test file reads
 * it, and what the non-test files do with its value (a test's use of a variable says nothing of the product's).
 */
final class EnvUses {
  private final Set<String> readOutsideTests;
  private final Map<String, Set<ValueUse>> uses;

  private EnvUses(Set<String> readOutsideTests, Map<String, Set<ValueUse>> uses) {
    this.readOutsideTests = readOutsideTests;
    this.uses = uses;
  }

  static EnvUses of(Iterable<PyFileChange> changes) {
    Set<String> outside = new HashSet<>();
    Map<String, Set<ValueUse>> uses = new HashMap<>();
    for (PyFileChange c : changes) {
      if (c.after() == null || !c.after().parsed() || TestPaths.isTest(c.path())) {
        continue;
      }
      for (String env : c.after().env()) {
        outside.add(env);
        uses.computeIfAbsent(env, k -> EnumSet.noneOf(ValueUse.class))
            .addAll(ValueUse.in(c.after().uses().env(), env));
      }
    }
    return new EnvUses(outside, uses);
  }

  /** Read only in test files among the changed ones. */
  boolean testOnly(String env) {
    return !readOutsideTests.contains(env);
  }

  /** What non-test code does with its value; none when it was not traced. */
  Set<ValueUse> uses(String env) {
    return Set.copyOf(uses.getOrDefault(env, Set.of()));
  }
}
