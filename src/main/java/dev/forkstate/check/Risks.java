package dev.forkstate.check;

import static dev.forkstate.check.Observation.Kind.RISK;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    Optional<Fact> conflicts = facts.get(FactIds.UPSTREAM_MERGE_PREVIEW)
        .filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN);
    facts.count(FactIds.UPSTREAM_BEHIND).filter(n -> n > 0).ifPresent(n -> out.add(conflicts.isPresent()
        ? drift(n, conflicts.get())
        : new Observation(RISK, Status.WARN, Phrase.of("Drift: " + Noun.count(n, "upstream commit") + " not merged. "
            + "Mitigation: merge upstream in small steps, then rerun the smokes"), "git merge " + upstreamRef,
            List.of(FactIds.UPSTREAM_BEHIND))));
    facts.get(FactIds.UPSTREAM_FILES_MODIFIED).filter(f -> f.value() instanceof Value.Changes)
        .ifPresent(m -> conflictRisk((Value.Changes) m.value(), upstreamRef).ifPresent(out::add));
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
    if (facts.count(FactIds.UPSTREAM_BEHIND).filter(n -> n > 0).isEmpty()) {
      conflicts.ifPresent(f -> out.add(drift(0, f)));
    }
    facts.get(FactIds.UPSTREAM_SECRETS).filter(f -> f.status() == Status.WARN || f.status() == Status.FAIL)
        .ifPresent(f -> out.add(Observation.ofFact(RISK, "Committed secret:", f)));
    facts.withPrefix(FactIds.PR_PREFIX).stream().filter(f -> f.status() == Status.WARN).forEach(f ->
        out.add(Observation.ofFact(RISK, "PR branch:", f)));
    return out;
  }

  /**
   * The upstream files the fork edits most, in one risk: each with its fork lines, one mitigation, and the command
   * that prints the same counts for the same files (`git diff --numstat`).
   */
  private static java.util.Optional<Observation> conflictRisk(Value.Changes changes, String upstreamRef) {
    List<Value.FileChange> sites = ConflictSites.heaviest(changes).stream()
        .filter(f -> f.added() + f.deleted() > 0).toList();
    if (sites.isEmpty()) {
      return java.util.Optional.empty();
    }
    Phrase text = Phrase.of(sites.size() == changes.files().size()
        ? "Conflict risk in " + Noun.count(sites.size(), "upstream file") + " with fork edits: "
        : "Conflict risk in the " + sites.size() + " upstream files with the most fork edits (of "
            + changes.files().size() + "): ");
    StringBuilder command = new StringBuilder("git diff --numstat $(git merge-base HEAD " + upstreamRef + ") HEAD --");
    for (int i = 0; i < sites.size(); i++) {
      Value.FileChange f = sites.get(i);
      text = text.then(i == 0 ? "" : ", ").then(Phrase.Kind.PATH, f.path())
          .then(" (+" + f.added() + " -" + f.deleted() + ")");
      command.append(' ').append(ShellQuote.quote(f.path()));
    }
    return java.util.Optional.of(new Observation(RISK, Status.WARN, text.then(". Mitigation: keep each edit behind a "
        + "seam, or upstream it"), command.toString(), List.of(FactIds.UPSTREAM_FILES_MODIFIED)));
  }

  /**
   * Drift and the conflicts merging it brings, one risk: commits not merged (when any), what the merge preview found,
   * and its mitigation, with the preview's command.
   */
  private static Observation drift(long behind, Fact preview) {
    Phrase text = behind > 0 ? Phrase.of("Drift: " + Noun.count(behind, "upstream commit") + " not merged; ")
        : Phrase.of("Merge conflicts ahead: ");
    return new Observation(RISK, preview.status(), text.then(preview.summaryPhrase()).then(". Mitigation: ")
        .then(preview.reason().isBlank()
            ? Phrase.of("merge upstream now, in small steps, or move the fork's edits behind a seam")
            : preview.reasonPhrase()), preview.command(),
        behind > 0 ? List.of(FactIds.UPSTREAM_BEHIND, preview.id()) : List.of(preview.id()));
  }
}
