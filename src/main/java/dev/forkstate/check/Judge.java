package dev.forkstate.check;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The judge stage, between collecting and the checks: collectors only measure, and every threshold or allowance
 * (which new flags are allowed, metric bounds, when a merge conflict is heavy, when a PR branch is stale) is applied
 * here, by one policy per rule. Facts no policy covers, and facts that are not plain measurements, pass unchanged.
 */
public final class Judge {
  private Judge() {}

  public static FactSet apply(FactSet measured, Settings settings) {
    List<Policy> policies = policies(settings);
    List<Fact> out = new ArrayList<>();
    for (Fact f : measured.all()) {
      out.add(judge(f, policies));
    }
    return new FactSet(out);
  }

  /** The registry: an explicit list; each fact id is covered by at most one policy. */
  static List<Policy> policies(Settings s) {
    Settings.HappyPath hp = s.happyPath();
    return List.of(
        new FlagPolicy(hp == null ? List.of() : hp.allowedFlags()),
        new DefaultsPolicy(hp == null ? List.of() : hp.allowedDefaults()),
        new OptionalImportPolicy(hp == null ? List.of() : hp.optionalModules()),
        new MetricThresholdPolicy(s.metrics()),
        new MergeConflictPolicy(),
        new PrBranchPolicy(s.prBounds()),
        new TrendPolicy(),
        new CommittedSecretPolicy());
  }

  private static Fact judge(Fact f, List<Policy> policies) {
    // Only a measurement is judged: an UNKNOWN or SKIPPED fact already says why it holds no answer.
    if (f.status() != Status.INFO) {
      return f;
    }
    for (Policy p : policies) {
      if (p.covers(f.id())) {
        Fact judged = p.judge(f);
        if (!judged.id().equals(f.id())) {
          throw new IllegalStateException(p.getClass().getSimpleName() + " turned " + f.id() + " into " + judged.id());
        }
        return judged;
      }
    }
    return f;
  }
}
