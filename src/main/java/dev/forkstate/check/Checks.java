package dev.forkstate.check;

import dev.forkstate.fact.FactSet;
import java.util.ArrayList;
import java.util.List;

/** The registry: an explicit list, in id order. Adding a check = its class, its test, one line here. */
public final class Checks {
  private static final List<Check> ALL = List.of(
      new CiLastPushGreenCheck(),
      new ForkBranchCheckedOutCheck(),
      new LiveCheckPassesCheck(),
      new ReferencesExistCheck(),
      new SmokePathsTrackedCheck(),
      new SmokesPassCheck(),
      new TagPresentCheck(),
      new UpstreamMergedCheck(),
      new WorktreeCleanCheck());

  private Checks() {}

  public static List<Check> all() {
    return ALL;
  }

  public static List<String> ids() {
    return ALL.stream().map(c -> c.info().id()).sorted().toList();
  }

  /** Runs every check; findings come out in check-id order. */
  public static List<Finding> evaluate(FactSet facts, List<String> required) {
    List<Finding> out = new ArrayList<>();
    for (Check c : ALL) {
      Check.Verdict v = c.evaluate(facts);
      out.add(new Finding(c.info().id(), c.info().label(), c.info().title(), v.status(), v.reason(), v.basedOn(),
          required.contains(c.info().id())));
    }
    out.sort(java.util.Comparator.comparing(Finding::checkId));
    return out;
  }
}
