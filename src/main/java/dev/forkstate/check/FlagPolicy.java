package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * No new flags: every env var, public parameter or CLI option the fork added is a FAIL unless
 * {@code happypath.allowed_flags} names it or the guide documents it (the names the collector read from the guide).
 */
final class FlagPolicy implements Policy {
  static final FactId FACT = FactIds.HAPPYPATH_FLAGS;
  private static final CandidateVerdict.Wording WORDING = new CandidateVerdict.Wording(
      "no new flags (env vars, public parameters, CLI options)", "new flag", "happypath.allowed_flags or the guide");
  private final Set<String> allowedFlags;

  FlagPolicy(List<String> allowedFlags) {
    this.allowedFlags = Set.copyOf(allowedFlags);
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
    Set<String> allowance = new TreeSet<>(allowedFlags);
    allowance.addAll(c.listed());
    return CandidateVerdict.allowing(measured, c, allowance, WORDING);
  }
}
