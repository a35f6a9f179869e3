package dev.forkstate.app;

import dev.forkstate.config.Detected;
import dev.forkstate.config.SettingsResolver;
import java.util.List;

/**
 * The smoke step `forkstate init` proposes: the fork's own tests. Its smoke folders (tests/smoke, t/smoke,
 * test/smoke) when there are any, else the test folders the fork added since the merge-base with upstream, else the
 * test modules the fork added or changed (a few), else the whole test folder. {@code rule} says which of these
 * picked it, for the YAML comment. The whole folder is the last resort: on a real LiteLLM fork that edited two test
 * modules it meant thousands of upstream tests, many needing provider keys, run on every report.
 */
record SmokeProposal(List<String> dirs, String rule) {
  static final String PYTEST = "PYTHONPATH=$(pwd) pytest -q ";
  /** More changed test modules than this is no small smoke: the whole folder is proposed, as before. */
  static final int MAX_TEST_FILES = 10;

  /** A pytest test module by its name (conftest.py and helpers are not tests to name on a command line). */
  static boolean testModule(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".py") && (name.startsWith("test_") || name.endsWith("_test.py"));
  }

  static SmokeProposal of(Detected d, InitConfig.Additions added) {
    SmokeProposal p = of(d, added.testFolders());
    if (p == null || !p.rule().startsWith("the whole") || added.testFiles().isEmpty()
        || added.testFiles().size() > MAX_TEST_FILES) {
      return p;
    }
    return new SmokeProposal(added.testFiles(), "the test modules the fork added or changed since the merge-base "
        + "with upstream (no smoke folder, no new test folder)");
  }

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
