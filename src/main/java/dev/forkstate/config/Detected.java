package dev.forkstate.config;

import java.util.List;
import java.util.Map;

/**
 * What forkstate found in the repository to fill settings the config leaves out, and to propose in `init`.
 * Lists are sorted; smoke folders are in order of preference. A run detects only what its config leaves out
 * ({@link DetectionNeeds}): the rest is empty (null for the current branch and the upstream name).
 */
public record Detected(
    String repoName,
    String currentBranch,
    List<String> localBranches,
    List<String> remotes,
    List<String> remoteBranches,
    List<String> workflows,
    List<String> smokeDirs,
    List<String> guides,
    Map<String, List<String>> liveCheckScripts,
    String upstreamName) {

  /** @param upstreamName the upstream project's name (remote URL, else pyproject.toml), or null when unknown */
  public Detected {}
}
