package dev.forkstate.check;

import static dev.forkstate.check.Observation.Kind.ADVANTAGE;

import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What counts as an advantage of the fork: only what a passing check or a measured fact supports. Pure. */
public final class Advantages {
  private Advantages() {}

  /** In the order the report shows them; empty when nothing supports one. */
  public static List<Observation> of(FactSet facts, List<Finding> findings) {
    List<Observation> out = new ArrayList<>();
    passing(findings, "smokes-pass").ifPresent(f -> out.add(new Observation(ADVANTAGE, Status.PASS,
        Phrase.of("Smoke suite green: ").then(f.reason()), facts.firstCommand(f.basedOn()), f.basedOn())));
    // An advantage only when new files are the fork's main footprint: beside more edited upstream files, the
    // assessment says "the fork mostly edits upstream files", and this line must not say the opposite.
    int modified = facts.get(FactIds.UPSTREAM_FILES_MODIFIED)
        .map(f -> f.value() instanceof Value.Changes ch ? ch.files().size() : Integer.MAX_VALUE).orElse(0);
    facts.get(FactIds.UPSTREAM_FILES_ADDED).filter(f -> f.value() instanceof Value.Changes ch && !ch.files().isEmpty()
            && ch.files().size() >= modified)
        .ifPresent(f -> {
          Value.Changes ch = (Value.Changes) f.value();
          out.add(new Observation(ADVANTAGE, Status.PASS, Phrase.of("Fork code kept in "
              + Noun.count(ch.files().size(), "new file") + " (+" + ch.added() + " lines) rather than in upstream "
              + "files"), f.command(), List.of(FactIds.UPSTREAM_FILES_ADDED)));
        });
    facts.get(FactIds.GIT_TAGS_AT_HEAD).filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(Observation.ofFact(ADVANTAGE, "Release is named:", f)));
    passing(findings, "upstream-merged").ifPresent(f -> out.add(new Observation(ADVANTAGE, f.status(),
        Phrase.of("Current with upstream: ").then(f.reason()), facts.firstCommand(f.basedOn()), f.basedOn())));
    facts.get(FactIds.PYTHON_GUARDED_IMPORTS).filter(f -> f.value() instanceof Value.Items it && !it.items().isEmpty())
        .ifPresent(f -> out.add(Observation.ofFact(ADVANTAGE, "Import-time robustness:", f)));
    facts.get(FactIds.TESTS_ADDED_FOLDERS).filter(f -> f.value() instanceof Value.Paths p && !p.paths().isEmpty())
        .ifPresent(f -> out.add(Observation.ofFact(ADVANTAGE, "Own tests:", f)));
    facts.get(FactIds.HAPPYPATH_FLAGS).filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(Observation.ofFact(ADVANTAGE, "Minimal surface:", f)));
    facts.get(FactIds.HAPPYPATH_DETERMINISM).filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(Observation.ofFact(ADVANTAGE, "Deterministic smokes:", f)));
    return out;
  }

  private static Optional<Finding> passing(List<Finding> findings, String checkId) {
    return findings.stream().filter(f -> f.checkId().equals(checkId)).findFirst()
        .filter(f -> f.status() == Status.PASS);
  }
}
