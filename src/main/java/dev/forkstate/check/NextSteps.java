package dev.forkstate.check;

import dev.forkstate.check.Observation.Kind;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * failure no failing fact shows, in check-id order.
   */
  public static List<Observation> of(FactSet facts, List<Finding> findings) {
    List<Observation> out = new ArrayList<>(grouped(facts, Kind.NOW));
    out.addAll(failingWithoutFailingFact(facts, findings));
    out.addAll(grouped(facts, Kind.NEXT));
    out.addAll(grouped(facts, Kind.LATER));
    return out;
  }

  /**
   * A check can fail on facts none of which is FAIL: tag-present fails when no tag is reachable, which its facts
   * record as a WARN (no tag at HEAD) and an INFO (no nearest tag). Listing only FAIL facts would leave such a
   * failure out of Now, where every FAIL belongs.
   */
  private static List<Observation> failingWithoutFailingFact(FactSet facts, List<Finding> findings) {
    return findings.stream().filter(f -> f.status() == Status.FAIL)
        .filter(f -> f.basedOn().stream().map(id -> facts.get(id.value())).flatMap(Optional::stream)
            .noneMatch(fact -> fact.status() == Status.FAIL))
        .map(f -> new Observation(Kind.NOW, Status.FAIL, Phrase.of(f.label() + ": ").then(f.reason()),
            facts.firstCommand(f.basedOn()), f.basedOn()))
        .toList();
  }

  /**
   * One step per distinct problem: facts with the same status, text and command (eight upstream facts that are all
   * UNKNOWN for want of an upstream ref, say) share a step that names them all.
   */
  private static List<Observation> grouped(FactSet facts, Kind kind) {
    LinkedHashMap<List<Object>, List<Fact>> groups = new LinkedHashMap<>();
    for (Fact f : facts.all()) {
      if (STATUSES.get(kind).contains(f.status())) {
        groups.computeIfAbsent(List.of(f.status(), f.summaryPhrase(), f.reasonPhrase(), f.command()),
            k -> new ArrayList<>()).add(f);
      }
    }
    List<Observation> out = new ArrayList<>();
    for (List<Fact> group : groups.values()) {
      Fact first = group.get(0);
      Phrase ids = Phrase.items(Phrase.Kind.CODE, group.stream().map(f -> f.id().value()).toList(), ", ");
      out.add(new Observation(kind, first.status(), Phrase.describing(ids, first), first.command(),
          group.stream().map(Fact::id).toList()));
    }
    return out;
  }
}
