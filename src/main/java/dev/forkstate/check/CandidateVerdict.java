package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The answer shared by the happy-path rules over a scan's candidates: FAIL listing what breaks the rule; UNKNOWN
 * when nothing did but a file went unread; PASS otherwise, naming what an allowance let through.
 */
final class CandidateVerdict {
  private static final int ALLOWED_SHOWN = 3;

  private CandidateVerdict() {}

  /** How a rule's answer reads: the clean sentence, the noun for one violation, where an allowance is written. */
  record Wording(String clean, String noun, String allowedWhere) {}

  /** Each candidate is allowed when any of its keys is in the allowance, else it breaks the rule. */
  static Fact allowing(Fact measured, Value.Candidates c, Set<String> allowance, Wording w) {
    List<Phrase> bad = new ArrayList<>();
    List<Phrase> allowed = new ArrayList<>();
    for (Value.Candidate item : c.found()) {
      (item.keys().stream().anyMatch(allowance::contains) ? allowed : bad).add(item.text());
    }
    return of(measured, bad, allowed, c.unread(), w);
  }

  static Fact of(Fact measured, List<Phrase> bad, List<Phrase> allowed, List<String> unread, Wording w) {
    Phrase allowedNote = allowed.isEmpty() ? Phrase.empty() : Phrase.of("; allowed by " + w.allowedWhere() + ": ")
        .then(Phrase.join(allowed.stream().sorted(Comparator.comparing(Phrase::plain)).limit(ALLOWED_SHOWN)
            .toList(), "; "))
        .then(allowed.size() > ALLOWED_SHOWN ? " and " + (allowed.size() - ALLOWED_SHOWN) + " more" : "");
    if (bad.isEmpty() && !unread.isEmpty()) {
      // A file that did not parse was not checked: no violation found is not the same as none there.
      return new Fact(measured.id(), Status.UNKNOWN, new Value.Items(List.of()), Phrase.of("no violation in the "
          + "files that parse").then(allowedNote), Phrase.of(Noun.count(unread.size(), "changed Python file")
          + " did not parse, so " + (unread.size() == 1 ? "it was" : "they were") + " not checked: "
          + String.join("; ", unread)), measured.evidence());
    }
    if (bad.isEmpty()) {
      return new Fact(measured.id(), Status.PASS, new Value.Items(List.of()), Phrase.of(allowed.isEmpty()
          ? w.clean() : "only allowed ones").then(allowedNote), Phrase.empty(), measured.evidence());
    }
    // The violations are the value (the report lists them one per line); the summary counts them.
    // A file that did not parse may hold more: said, so the list is not read as complete.
    return new Fact(measured.id(), Status.FAIL, new Value.Items(bad), Phrase.of(Noun.count(bad.size(), w.noun()))
        .then(allowedNote), unread.isEmpty() ? Phrase.empty() : Phrase.of("also " + Noun.count(unread.size(),
        "changed Python file") + " did not parse, so " + (unread.size() == 1 ? "it was" : "they were")
        + " not checked: " + String.join("; ", unread)),
        measured.evidence());
  }
}
