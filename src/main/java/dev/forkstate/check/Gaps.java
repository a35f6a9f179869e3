package dev.forkstate.check;

import static dev.forkstate.check.Observation.Kind.GAP;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What counts as a gap: drift, conflict sites, tests that prove nothing, broken happy-path rules, the unmeasured. */
public final class Gaps {
  /** A happy-path rule fact and what its FAIL means, in the order the report shows them. */
  private static final List<Map.Entry<FactId, String>> BROKEN_RULES = List.of(
      Map.entry(FactIds.HAPPYPATH_FLAGS, "Flag sprawl:"),
      Map.entry(FactIds.HAPPYPATH_DEFAULTS, "Public API drift:"),
      Map.entry(FactIds.HAPPYPATH_DETERMINISM, "Flaky smokes:"),
      Map.entry(FactIds.HAPPYPATH_IMPORTS, "Import-time fragility:"),
      Map.entry(FactIds.HAPPYPATH_COPY_PASTE, "Commands that do not paste:"));

  private Gaps() {}

  /** In the order the report shows them; never empty: speed is always a gap, since nothing measures it. */
  public static List<Observation> of(FactSet facts, List<Finding> findings) {
    List<Observation> out = new ArrayList<>();
    findings.stream().filter(f -> f.checkId().equals("upstream-merged")).findFirst()
        .filter(f -> f.status() != Status.PASS).ifPresent(f -> out.add(new Observation(GAP, f.status(),
            Phrase.of("Upstream drift: ").then(f.reason()), facts.firstCommand(f.basedOn()), f.basedOn())));
    facts.get(FactIds.UPSTREAM_FILES_MODIFIED).filter(f -> f.value() instanceof Value.Changes ch && !ch.files().isEmpty())
        .ifPresent(f -> {
          Value.Changes ch = (Value.Changes) f.value();
          out.add(new Observation(GAP, Status.WARN, Phrase.of(Noun.count(ch.files().size(), "upstream file")
              + " with fork edits (+" + ch.added() + " -" + ch.deleted() + " lines): each is a merge-conflict site"),
              f.command(), List.of(FactIds.UPSTREAM_FILES_MODIFIED)));
        });
    int skipped = SmokeCounts.skipped(facts);
    if (skipped > 0) {
      out.add(new Observation(GAP, Status.WARN, Phrase.of(Noun.count(skipped, "smoke test")
          + " skipped: a skipped test proves nothing"), "", SmokeCounts.ids(facts)));
    }
    for (Map.Entry<FactId, String> rule : BROKEN_RULES) {
      facts.get(rule.getKey()).filter(f -> f.status() == Status.FAIL)
          .ifPresent(f -> out.add(Observation.ofFact(GAP, rule.getValue(), f)));
    }
    out.add(new Observation(GAP, Status.UNKNOWN,
        Phrase.of("Performance vs upstream: not measured; no speed claim is supported"), "", List.of()));
    List<Fact> unknown = facts.all().stream().filter(f -> f.status() == Status.UNKNOWN).toList();
    if (!unknown.isEmpty()) {
      out.add(new Observation(GAP, Status.UNKNOWN, Phrase.of("Not measured: ")
          .then(Phrase.items(Phrase.Kind.CODE, unknown.stream().map(f -> f.id().value()).toList(), ", ")), "",
          unknown.stream().map(Fact::id).toList()));
    }
    return out;
  }
}
