package dev.forkstate.app;

import dev.forkstate.config.Detected;
import dev.forkstate.config.SettingsResolver;
import java.util.List;

/**
 * The smoke step `forkstate init` proposes: the fork's own tests. Its smoke folders (tests/smoke, t/smoke,
 * test/smoke) when there are any, else the test folders the fork added since the merge-base with upstream, else the
 * whole test folder. {@code rule} says which of these picked it, for the YAML comment.
 */
record SmokeProposal(List<String> dirs, String rule) {
  static final String PYTEST = "PYTHONPATH=$(pwd) pytest -q ";

  /** @return null when the repository has no Python test folder at all */
  static SmokeProposal of(Detected d, List<String> addedTestFolders) {
    List<String> smoke = d.smokeDirs().stream().filter(dir -> dir.endsWith("/smoke")).toList();
    if (!smoke.isEmpty()) {
      return new SmokeProposal(smoke, "the fork's smoke folder");
    }
    if (!addedTestFolders.isEmpty()) {
      return new SmokeProposal(addedTestFolders.stream().map(SmokeProposal::noSlash).toList(),
          "test folders the fork added since the merge-base with upstream");
    }
    return d.smokeDirs().isEmpty() ? null
        : new SmokeProposal(List.of(d.smokeDirs().get(0)), "the whole test folder: no smoke folder, no new test folder");
  }

  String command() {
    return PYTEST + String.join(" ", dirs);
  }

  long timeoutSeconds() {
    return SettingsResolver.DEFAULT_SMOKE_TIMEOUT.toSeconds();
  }

  private static String noSlash(String dir) {
    return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }
}
