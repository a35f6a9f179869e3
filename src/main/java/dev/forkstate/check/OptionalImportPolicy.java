package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Import-time robustness: a new module-level import of an optional package is a FAIL, since importing the module
 * then fails without it. A package is optional when {@code happypath.optional_modules} says so or the code imports
 * it under try/except ImportError somewhere (the collector lists those); other new imports are not this rule's
 * business. Nothing is allowed: the fix is to guard the import.
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
    for (Value.Candidate item : c.found()) {
      if (item.keys().stream().anyMatch(optional::contains)) {
        // The scan says "package x imported unguarded ..."; that it is optional is this rule's finding.
        bad.add(Phrase.of("optional ").then(item.text()));
      }
    }
    return CandidateVerdict.of(measured, bad, List.of(), c.unread(), WORDING);
  }
}
