package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Import-time robustness: a new module-level import of an optional package is a FAIL, since importing the module
 * then fails without it. A package is optional when {@code happypath.optional_modules} says so or the project
 * declares it as an extra (the collector lists those). The standard library, the project's own packages, required
 * dependencies and test files' imports are no candidates at all, and a guard somewhere else proves nothing. When a
 * packaging file could not be read, a new import that is not known to be optional is UNKNOWN, not a PASS. A new
 * unguarded import of a package the project does not declare at all is a WARN: installing the project does not
 * bring it, so importing the module fails for users unless some declared dependency happens to (a real fork moved
 * its core module to {@code from google.genai import types} without declaring google-genai, and this read PASS).
 * Nothing is allowed: the fix is to guard the import (or to declare the package).
 */
final class OptionalImportPolicy implements Policy {
  static final FactId FACT = FactIds.HAPPYPATH_IMPORTS;
  private static final CandidateVerdict.Wording WORDING = new CandidateVerdict.Wording(
      "optional packages are imported guarded (try/except ImportError)", "unguarded optional import", "");
  private final Set<String> optionalModules;

  OptionalImportPolicy(List<String> optionalModules) {
    this.optionalModules = Set.copyOf(optionalModules);
  }

  @Override
  public boolean covers(FactId id) {
    return id.equals(FACT);
  }

  @Override
  public Fact judge(Fact measured) {
    if (measured.status() != Status.INFO || !(measured.value() instanceof Value.Candidates c)) {
      return measured;
    }
    Set<String> optional = new TreeSet<>(optionalModules);
    optional.addAll(c.listed());
    List<Phrase> bad = new ArrayList<>();
    List<Phrase> undeclared = new ArrayList<>();
    for (Value.Candidate item : c.found()) {
      if (item.keys().stream().anyMatch(optional::contains)) {
        // The scan says "package x imported unguarded ..."; that it is optional is this rule's finding.
        bad.add(Phrase.of("optional ").then(item.text()));
      } else if (item.keys().stream().anyMatch(c.undeclared()::contains)) {
        undeclared.add(item.text());
      }
    }
    if (bad.isEmpty() && !undeclared.isEmpty() && c.unread().isEmpty()) {
      return new Fact(measured.id(), Status.WARN, new Value.Items(undeclared), Phrase.of(Noun.count(undeclared.size(),
          "new unguarded import") + " of " + (undeclared.size() == 1 ? "a package" : "packages")
          + " the project does not declare"), Phrase.of("installing the project does not bring "
          + (undeclared.size() == 1 ? "it" : "them") + " unless a declared dependency happens to, so importing "
          + "the module fails without " + (undeclared.size() == 1 ? "it" : "them")
          + ": declare it as a dependency or guard the import"), measured.evidence());
    }
    bad.addAll(bad.isEmpty() ? List.of() : undeclared);
    if (bad.isEmpty() && !c.found().isEmpty() && !c.undecided().isEmpty()) {
      // The imports it could not judge are the value: the reader sees which packages to check by hand.
      return new Fact(measured.id(), Status.UNKNOWN, new Value.Items(c.found().stream().map(Value.Candidate::text)
          .toList()), Phrase.of("whether "
          + Noun.count(c.found().size(), "new import") + " of packages the project does not require "
          + (c.found().size() == 1 ? "is" : "are") + " optional is not known"), Phrase.of("the declared extras could "
          + "not be read: " + String.join("; ", c.undecided())), measured.evidence());
    }
    return CandidateVerdict.of(measured, bad, List.of(), c.unread(), WORDING);
  }
}
