package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Skip;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.List;

/** The registry: an explicit list, in id order. Adding a check = its class, its test, one line here. */
public final class Checks {
  public static final Check CAPABILITIES_VERIFIED = FactCheck.prefix(new CheckInfo("capabilities-verified",
      "Capabilities", "Is every capability the fork claims backed by its evidence?",
      "A capability nobody can point to in the code or the tests is marketing, not state.",
      "Fix the evidence listed under capabilities in forkstate.yml, or drop the claim"),
      // each capability.<name>, or the one capabilities.claimed (SKIPPED) when none is listed
      FactIds.CAPABILITY_OR_CLAIMS_PREFIX, "no capability was checked");
  public static final Check CI_LAST_PUSH_GREEN = FactCheck.prefix(new CheckInfo("ci-last-push-green",
      "CI on the last push", "Did CI run on the last push, and is the required Python job green?",
      "A report that says CI is green without looking is the failure forkstate exists to prevent.",
      "Open the workflow's runs: gh run list --workflow <file> --branch <fork branch>"), FactIds.CI_RUN_PREFIX,
      "no CI run was read");
  public static final Check CI_WORKFLOW_WIRED = FactCheck.prefix(new CheckInfo("ci-workflow-wired",
      "CI workflow wired", "Does the workflow run the smokes on pushes to the fork branch, on the required Python?",
      "A green run proves nothing if the workflow never runs the smokes, or not on the fork branch.",
      "Edit the workflow: trigger on push to the fork branch, run the smoke command, add the Python version"),
      FactIds.CI_WORKFLOW_PREFIX, "the workflow was not read");
  public static final Check FORK_BRANCH_CHECKED_OUT = FactCheck.single(new CheckInfo("fork-branch-checked-out",
      "Fork branch", "Is the fork branch checked out?",
      "Every other fact describes the checked-out commit; on the wrong branch they describe the wrong thing.",
      "git switch <fork branch>"), FactIds.GIT_BRANCH_CURRENT);
  public static final Check HAPPYPATH_ALIGNED = FactCheck.prefix(new CheckInfo("happypath-aligned",
      "HAPPYPATH rules", "Does the fork keep its happy-path rules (no new flags, defaults unchanged, deterministic "
      + "smokes, copy-paste commands, guarded optional imports)?",
      "These are the rules operators most often claim and least often check.",
      "See HAPPYPATH Alignment: each broken rule lists what broke it"), FactIds.HAPPYPATH_PREFIX,
      "the happy-path rules were not measured");
  public static final Check LIVE_CHECK_PASSES = FactCheck.single(new CheckInfo("live-check-passes", "Live check",
      "Does the optional live check pass?",
      "Smokes are offline by design; the live check is the only proof that real providers answer.",
      "Set the keys it needs and run it: see live_check in forkstate.yml"), FactIds.LIVE_CHECK);
  public static final Check SMOKES_PASS = FactCheck.prefix(new CheckInfo("smokes-pass", "Smokes",
      "Do the smoke tests pass?",
      "The smokes are the fork's promise that its paved road works; a false green here is the worst bug.",
      "Run the smoke command shown and fix the first failure"), FactIds.SMOKE_PREFIX, "no smoke fact was measured");
  public static final Check UPSTREAM_MERGED = new UpstreamMergedCheck();
  public static final Check WORKTREE_CLEAN = FactCheck.prefix(new CheckInfo("worktree-clean", "Working tree",
      "Is the working tree clean?",
      "Facts about a dirty tree describe code no commit holds; nobody else can reproduce them.",
      "Commit or stash: git status -sb shows what is pending"), FactIds.GIT_WORKTREE_PREFIX,
      "the working tree was not measured");

  private static final List<Check> ALL = List.of(
      CAPABILITIES_VERIFIED,
      CI_LAST_PUSH_GREEN,
      CI_WORKFLOW_WIRED,
      FORK_BRANCH_CHECKED_OUT,
      HAPPYPATH_ALIGNED,
      LIVE_CHECK_PASSES,
      new ReferencesExistCheck(),
      new SmokePathsTrackedCheck(),
      SMOKES_PASS,
      new TagPresentCheck(),
      UPSTREAM_MERGED,
      WORKTREE_CLEAN);

  private Checks() {}

  public static List<Check> all() {
    return ALL;
  }

  public static List<String> ids() {
    return ALL.stream().map(c -> c.info().id()).sorted().toList();
  }

  /**
   * A SKIPPED answer was asked for only when every skipped fact it rests on was: one unasked skip among them (no
   * workflow found, say) means part of the question had nothing to answer it.
   */
  private static Skip skipOf(Check.Verdict v, FactSet facts) {
    if (v.status() != Status.SKIPPED) {
      return Skip.NONE;
    }
    List<Fact> skipped = v.basedOn().stream().map(facts::get).flatMap(java.util.Optional::stream)
        .filter(f -> f.status() == Status.SKIPPED).toList();
    return !skipped.isEmpty() && skipped.stream().allMatch(f -> f.skip() == Skip.ASKED) ? Skip.ASKED : Skip.NO_INPUT;
  }

  /** Runs every check; findings come out in check-id order. */
  public static List<Finding> evaluate(FactSet facts, List<String> required) {
    List<Finding> out = new ArrayList<>();
    for (Check c : ALL) {
      Check.Verdict v = c.evaluate(facts);
      out.add(new Finding(c.info().id(), c.info().label(), c.info().title(), v.status(), v.reason(), v.basedOn(),
          required.contains(c.info().id()), skipOf(v, facts)));
    }
    out.sort(java.util.Comparator.comparing(Finding::checkId));
    return out;
  }
}
