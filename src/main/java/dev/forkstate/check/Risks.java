package dev.forkstate.check;

import static dev.forkstate.check.Observation.Kind.RISK;

import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/** The risks the measured facts trigger, each with its mitigation and the command that shows it. Pure. */
public final class Risks {
  private Risks() {}

  /**
   * In the order the report shows them; empty when no rule fires.
   *
   * @param upstreamRef the upstream ref the commands name (as configured or detected)
   */
  public static List<Observation> of(FactSet facts, String upstreamRef) {
    List<Observation> out = new ArrayList<>();
    facts.count(FactIds.UPSTREAM_BEHIND).filter(n -> n > 0).ifPresent(n -> out.add(new Observation(RISK, Status.WARN,
        Phrase.of("Drift: " + Noun.count(n, "upstream commit") + " not merged. Mitigation: merge upstream in small "
            + "steps, then rerun the smokes"), "git merge " + upstreamRef, List.of(FactIds.UPSTREAM_BEHIND))));
    facts.get(FactIds.UPSTREAM_FILES_MODIFIED).filter(f -> f.value() instanceof Value.Changes).ifPresent(m ->
        ConflictSites.heaviest((Value.Changes) m.value()).stream().filter(f -> f.added() + f.deleted() > 0)
            .forEach(f -> out.add(new Observation(RISK, Status.WARN, Phrase.of("Conflict risk in ")
                .then(Phrase.Kind.PATH, f.path()).then(" (+" + f.added() + " -" + f.deleted()
                    + " fork lines in an upstream file). Mitigation: keep the edit behind a seam, or upstream it"),
                "git diff $(git merge-base HEAD " + upstreamRef + ") HEAD -- " + ShellQuote.quote(f.path()),
                List.of(FactIds.UPSTREAM_FILES_MODIFIED)))));
    int skipped = SmokeCounts.skipped(facts);
    if (skipped > 0) {
      out.add(new Observation(RISK, Status.WARN, Phrase.of("Coverage: " + Noun.count(skipped, "smoke test")
          + " skipped. Mitigation: provide what they need on CI (see the skip reasons in Validation Status)"), "",
          SmokeCounts.ids(facts)));
    }
    facts.withPrefix(FactIds.REF_PREFIX).stream().filter(f -> f.status() != Status.PASS).forEach(f ->
        out.add(Observation.ofFact(RISK, "Cited path not committed:", f)));
    facts.get(FactIds.GIT_SHALLOW).filter(f -> f.status() == Status.WARN).ifPresent(f ->
        out.add(Observation.ofFact(RISK, "History:", f)));
    facts.get(FactIds.UPSTREAM_MERGE_PREVIEW).filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN)
        .ifPresent(f -> out.add(new Observation(RISK, f.status(), Phrase.of("Merge conflicts ahead: ")
            .then(f.summaryPhrase()).then(". Mitigation: ").then(f.reason().isBlank()
                ? Phrase.of("merge upstream now, in small steps, or move the fork's edits behind a seam")
                : f.reasonPhrase()),
            f.command(), List.of(f.id()))));
    facts.get(FactIds.UPSTREAM_SECRETS).filter(f -> f.status() == Status.WARN || f.status() == Status.FAIL)
        .ifPresent(f -> out.add(Observation.ofFact(RISK, "Committed secret:", f)));
    facts.withPrefix(FactIds.PR_PREFIX).stream().filter(f -> f.status() == Status.WARN).forEach(f ->
        out.add(Observation.ofFact(RISK, "PR branch:", f)));
    return out;
  }
}
