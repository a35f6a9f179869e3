package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.Set;

/**
 * Defaults unchanged: a changed default or a removed parameter of public API is a FAIL unless
 * {@code happypath.allowed_defaults} names it ({@code Qual.fn(param)} or {@code module:Qual.fn(param)}).
 */
final class DefaultsPolicy implements Policy {
  static final FactId FACT = FactIds.HAPPYPATH_DEFAULTS;
  private static final CandidateVerdict.Wording WORDING = new CandidateVerdict.Wording(
      "public defaults and parameters unchanged", "changed public default or parameter", "happypath.allowed_defaults");
  private final Set<String> allowedDefaults;

  DefaultsPolicy(List<String> allowedDefaults) {
    this.allowedDefaults = Set.copyOf(allowedDefaults);
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
    return CandidateVerdict.allowing(measured, c, allowedDefaults, WORDING);
  }
}
