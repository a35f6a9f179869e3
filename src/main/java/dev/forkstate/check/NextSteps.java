package dev.forkstate.check;

import dev.forkstate.check.Observation.Kind;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to do first: Now every FAIL (a failing fact, or a failing check none of whose facts fails), Next every WARN
 * or UNKNOWN, Later what was skipped. Pure.
 */
public final class NextSteps {
  private static final Map<Kind, List<Status>> STATUSES = Map.of(Kind.NOW, List.of(Status.FAIL),
      Kind.NEXT, List.of(Status.WARN, Status.UNKNOWN), Kind.LATER, List.of(Status.SKIPPED));

  private NextSteps() {}

  /**
   * Now, then Next, then Later; each in fact-id order of its first fact. Now ends with the failing checks whose
   * failure no failing fact shows, in check-id order; Next begins with the warning checks whose warning no fact shows
   * (upstream not merged: its facts are INFO measurements).
   */
  public static List<Observation> of(FactSet facts, List<Finding> findings) {
    return of(facts, findings, null, null);
  }

  /**
   * As {@link #of(FactSet, List)}, a step naming the action that fixes it where one is known ({@link StepAction}):
   * "switch to the fork branch", "merge upstream/main: 2 commits behind". A fact a step of Now already rests on is
   * not listed again under Next or Later.
   *
   * @param forkBranch the fork branch as configured or detected, null when not set
   * @param upstreamRef the upstream ref as configured or detected, null when not set
   */
  public static List<Observation> of(FactSet facts, List<Finding> findings, String forkBranch, String upstreamRef) {
    StepAction.Targets targets = new StepAction.Targets(forkBranch, upstreamRef);
    List<Observation> out = new ArrayList<>(grouped(facts, Kind.NOW, targets, Set.of()));
    out.addAll(withoutFactOfItsStatus(facts, findings, Kind.NOW, targets));
    // The checks' steps lead Next: "merge upstream/main" names the merge preview, listed under it, not again.
    out.addAll(withoutFactOfItsStatus(facts, findings, Kind.NEXT, targets));
    Set<FactId> named = out.stream().flatMap(o -> o.basedOn().stream()).collect(Collectors.toSet());
    out.addAll(grouped(facts, Kind.NEXT, targets, named));
    out.addAll(grouped(facts, Kind.LATER, targets, named));
    return out;
  }

  /**
   * A check can fail on facts none of which is FAIL: tag-present fails when no tag is reachable, which its facts
   * record as a WARN (no tag at HEAD) and an INFO (no nearest tag). Listing only FAIL facts would leave such a
   * failure out of Now, where every FAIL belongs.
   */
  private static List<Observation> withoutFactOfItsStatus(FactSet facts, List<Finding> findings, Kind kind,
      StepAction.Targets targets) {
    // Next takes a WARN check (upstream not merged) whose facts are INFO measurements; an UNKNOWN check always has
    // an UNKNOWN fact of its own, listed already.
    Status status = kind == Kind.NOW ? Status.FAIL : Status.WARN;
    return findings.stream().filter(f -> f.status() == status)
        .filter(f -> f.basedOn().stream().map(id -> facts.get(id.value())).flatMap(Optional::stream)
            .noneMatch(fact -> fact.status().severity() >= status.severity()))
        .map(f -> StepAction.of(f.basedOn(), facts, targets)
            .map(a -> new Observation(kind, status, a.text(), a.command(), a.basedOn()))
            .orElseGet(() -> new Observation(kind, status, Phrase.of(f.label() + ": ").then(f.reason()),
                facts.firstCommand(f.basedOn()), f.basedOn())))
        .toList();
  }

  /**
   * One step per distinct problem: facts with the same status, text and command (eight upstream facts that are all
   * UNKNOWN for want of an upstream ref, say) share a step that names them all.
   */
  private static List<Observation> grouped(FactSet facts, Kind kind, StepAction.Targets targets,
      Set<FactId> named) {
    LinkedHashMap<List<Object>, List<Fact>> groups = new LinkedHashMap<>();
    for (Fact f : facts.all()) {
      if (STATUSES.get(kind).contains(f.status()) && !named.contains(f.id())) {
        groups.computeIfAbsent(List.of(f.status(), f.summaryPhrase(), f.reasonPhrase(), f.command()),
            k -> new ArrayList<>()).add(f);
      }
    }
    List<Observation> out = new ArrayList<>();
    for (List<Fact> group : groups.values()) {
      Fact first = group.get(0);
      List<FactId> basedOn = group.stream().map(Fact::id).toList();
      Phrase ids = Phrase.items(Phrase.Kind.CODE, basedOn.stream().map(FactId::value).toList(), ", ");
      out.add(StepAction.of(basedOn, facts, targets)
          .map(a -> new Observation(kind, first.status(), a.text(), a.command(), a.basedOn()))
          .orElseGet(() -> new Observation(kind, first.status(), Phrase.describing(ids, first), first.command(),
              basedOn)));
    }
    return out;
  }
}
