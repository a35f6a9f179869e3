package dev.forkstate.config;

/**
 * Which detections a run needs: the config always wins ({@link SettingsResolver}), so a key the config sets needs no
 * git command to guess it. On a config stating fork_branch, upstream_ref and the smokes, a run asks git for the
 * work-tree files (one ls-files) and the upstream remote's URL only. What is not needed is left empty in
 * {@link Detected}; only init reads every field.
 *
 * @param currentBranch  the checked-out branch: init proposes it as the fork branch
 * @param localBranches  local branches: fork_branch is detected from them
 * @param remoteBranches remotes and their branches: upstream_ref is detected from them
 * @param files          the work tree's workflows, test folders, guides and live-check scripts: ci.workflow, smokes,
 *                       guide and live_check are detected from them
 * @param upstreamName   the upstream project's name (remote URL, else pyproject.toml): the default prompt names it
 */
public record DetectionNeeds(boolean currentBranch, boolean localBranches, boolean remoteBranches, boolean files,
                             boolean upstreamName) {
  /** Everything, for init. */
  public static final DetectionNeeds ALL = new DetectionNeeds(true, true, true, true, true);

  /** What resolving {@code c}'s settings reads from detection: each rule in SettingsResolver that falls back to it. */
  public static DetectionNeeds forSettings(ForkstateConfig c) {
    boolean workflowSet = c.ci() != null && c.ci().workflow() != null;
    return new DetectionNeeds(false, c.forkBranch() == null, c.upstreamRef() == null,
        !workflowSet || c.smokes() == null || c.liveCheck() == null || c.guide() == null,
        c.assessmentPrompt() == null);
  }
}
