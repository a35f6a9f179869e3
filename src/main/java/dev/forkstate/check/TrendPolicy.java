package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.Set;

/**
 * What the recorded runs say, judged: smokes green in every run (else WARN), drift growing between the oldest
 * and newest run WARN (else an INFO measurement: a series that held steady passes no check), upstream code taken in within {@link #STALE_DAYS} days (else WARN). The history only
 * counts; these lines are the policy.
 */
final class TrendPolicy implements Policy {
  static final long STALE_DAYS = 30;
  static final FactId PASS_RATE = FactIds.HISTORY_SMOKE_PASS_RATE;
  static final FactId BEHIND = FactIds.HISTORY_BEHIND;
  static final FactId SINCE_UPSTREAM = FactIds.HISTORY_DAYS_SINCE_UPSTREAM;
  private static final Set<FactId> IDS = Set.of(PASS_RATE, BEHIND, SINCE_UPSTREAM);

  @Override
  public boolean covers(FactId id) {
    return IDS.contains(id);
  }

  @Override
  public Fact judge(Fact m) {
    if (m.status() != Status.INFO) {
      return m;
    }
    Status judged;
    if (m.id().equals(PASS_RATE) && m.value() instanceof Value.Count pct) {
      judged = pct.n() == 100 ? Status.PASS : Status.WARN;
    } else if (m.id().equals(BEHIND) && m.value() instanceof Value.Series s && !s.values().isEmpty()) {
      // Drift that grew is a warning; drift that did not is a series shown, a measurement that judges nothing.
      judged = s.values().get(s.values().size() - 1) > s.values().get(0) ? Status.WARN : Status.INFO;
    } else if (m.id().equals(SINCE_UPSTREAM) && m.value() instanceof Value.Count days) {
      judged = days.n() > STALE_DAYS ? Status.WARN : Status.PASS;
    } else {
      return m;
    }
    return new Fact(m.id(), judged, m.value(), m.summaryPhrase(), m.reasonPhrase(), m.evidence());
  }
}
