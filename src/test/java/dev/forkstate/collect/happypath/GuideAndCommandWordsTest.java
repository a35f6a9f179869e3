package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.collect.CommandWords;
import dev.forkstate.collect.python.PyModule;
import dev.forkstate.collect.python.ValueUse;
import dev.forkstate.support.Shown;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a guide's commands are read, what a command names, and the pure flag rules. */
class GuideAndCommandWordsTest {
  @Test
  void guideCommandsComeFromShellBlocksWithTheirLines() {
    String guide = """
        # Guide
        ```bash
        # a comment
        export A=1
        pytest -q \\
          tests/smoke
        ```
        ```console
        $ make demo
        output line that is not a command
        ```
        ```python
        import os
        ```
        ```
        ./scripts/run.sh <token>
        ```
        """;
    assertThat(GuideCommands.of(guide)).containsExactly(
        new GuideCommands.Command(4, "export A=1"),
        new GuideCommands.Command(5, "pytest -q tests/smoke"),
        new GuideCommands.Command(9, "make demo"),
        new GuideCommands.Command(16, "./scripts/run.sh <token>"));
  }

  @Test
  void commandWordsNameProgramFilesAndPlaceholders() {
    String cmd = "LITELLM_ROUTER_CORE=extracted PYTHONPATH=$(pwd) python3 local/scripts/perf.py --out "
        + "build/r.json --key <api-key> https://example.com/a.py";
    assertThat(CommandWords.program(cmd)).isEqualTo("python3");
    assertThat(CommandWords.namedFiles(cmd)).containsExactly("build/r.json", "local/scripts/perf.py");
    assertThat(CommandWords.namedPaths(cmd)).containsExactly("local/scripts/perf.py");
    assertThat(CommandWords.placeholders(cmd)).containsExactly("<api-key>");
    assertThat(CommandWords.placeholders("cat <<EOF > out.txt")).isEmpty();
    assertThat(CommandWords.runnable("cd", Path.of("."), Map.of("PATH", ""))).isTrue();
    assertThat(CommandWords.runnable("no-such-program-xyz", Path.of("."), Map.of("PATH", "/usr/bin"))).isFalse();
    assertThat(CommandWords.runnable("sh", Path.of("."), Map.of("PATH", "/usr/bin:/bin"))).isTrue();
  }

  private static PyModule module(Set<String> env, Map<String, List<PyModule.Param>> fns, Set<String> top) {
    return new PyModule(env, fns, Set.of(), Set.of(), top, Set.of(), "");
  }

  @Test
  void flagRulesKeepCredentialsRemovalsAndUnparsedFilesApart() {
    PyModule before = module(Set.of(), Map.of("api.call", List.of(new PyModule.Param("self", "param", null),
        new PyModule.Param("url", "param", null), new PyModule.Param("legacy", "param", "True"))), Set.of());
    PyModule after = new PyModule(Set.of("OPENAI_API_KEY", "ACME_MODE"), Map.of("api.call", List.of(
        new PyModule.Param("self", "param", null), new PyModule.Param("url", "param", "None"))), Set.of(), Set.of(),
        Set.of("numpy"), Set.of(), "", new PyModule.Uses(Map.of("OPENAI_API_KEY", Set.of(ValueUse.PASSED)), Map.of(),
        Map.of()), "");
    List<PyFileChange> changes = List.of(new PyFileChange("src/acme/api.py", before, after),
        new PyFileChange("acme/broken.py", null, new PyModule(Set.of("X_FLAG"), Map.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), "SyntaxError: invalid syntax (line 1)")));
    FlagAnalysis.Result r = FlagAnalysis.analyse(changes, Set.of());
    assertThat(r.newFlags()).extracting(c -> Shown.md(c.text()))
        .containsExactly("env var `ACME_MODE` read in `src/acme/api.py`");
    assertThat(r.credentials()).extracting(c -> Shown.md(c.text()))
        .containsExactly("env var `OPENAI_API_KEY` read in `src/acme/api.py`: its value is handed on, never compared");
    assertThat(r.changedDefaults()).extracting(c -> Shown.md(c.text())).containsExactly(
        "default of `acme.api:api.call(url)` changed: (required) → `None`",
        "parameter `acme.api:api.call(legacy)` removed: callers passing it break");
    // Every new module-level import is measured; whether `numpy` is optional is OptionalImportPolicy's call.
    assertThat(r.newImports()).containsExactly(new NewImport("numpy", List.of("numpy"), "src/acme/api.py", "acme.api"));
    assertThat(FlagAnalysis.analyse(changes, Set.of("ACME_MODE")).newFlags()).isEmpty();
  }

  /**
   * A setting is classified by its use, never by its name alone: a secret-named switch is a flag; a secret-named
   * value handed on is a credential; an untraced one stays a flag (judged, never let through); tests' are test-only.
   */
  @Test
  void settingsAreClassifiedByUse() {
    Set<ValueUse> compared = Set.of(ValueUse.COMPARED);
    Set<ValueUse> passed = Set.of(ValueUse.PASSED);
    assertThat(FlagAnalysis.classify("JIRA_AUTH_TYPE", true, false, compared)).isEqualTo(FlagAnalysis.Setting.FLAG);
    assertThat(FlagAnalysis.classify("PKG_SECRET_MODE", true, false, Set.of(ValueUse.COMPARED, ValueUse.PASSED)))
        .isEqualTo(FlagAnalysis.Setting.FLAG);
    assertThat(FlagAnalysis.classify("PKG_SECRET_MODE", true, false, Set.of(ValueUse.PRESENCE)))
        .isEqualTo(FlagAnalysis.Setting.FLAG);
    // A required key checked for being set (if not key: exit) is a credential; one compared is a switch.
    assertThat(FlagAnalysis.classify("MINILLM_API_KEY", true, false, Set.of(ValueUse.PRESENCE)))
        .isEqualTo(FlagAnalysis.Setting.CREDENTIAL);
    assertThat(FlagAnalysis.classify("PKG_LICENSE_KEY", true, false, Set.of(ValueUse.COMPARED, ValueUse.PASSED)))
        .isEqualTo(FlagAnalysis.Setting.FLAG);
    assertThat(FlagAnalysis.classify("OPENAI_API_KEY", true, false, passed)).isEqualTo(FlagAnalysis.Setting.CREDENTIAL);
    assertThat(FlagAnalysis.classify("GH_TOKEN", true, false, Set.of(ValueUse.PRESENCE, ValueUse.PASSED)))
        .isEqualTo(FlagAnalysis.Setting.CREDENTIAL);
    assertThat(FlagAnalysis.classify("OPENAI_API_KEY", true, false, Set.of())).isEqualTo(FlagAnalysis.Setting.FLAG);
    assertThat(FlagAnalysis.classify("ACME_BASE_URL", true, false, passed)).isEqualTo(FlagAnalysis.Setting.FLAG);
    assertThat(FlagAnalysis.classify("ACME_TEST_URL", true, true, passed)).isEqualTo(FlagAnalysis.Setting.TEST_ONLY);
    // A parameter named like a dict key is a flag even when handed on; api_key is a credential.
    assertThat(FlagAnalysis.classify("routing_key", false, false, passed)).isEqualTo(FlagAnalysis.Setting.FLAG);
    assertThat(FlagAnalysis.classify("api_key", false, false, passed)).isEqualTo(FlagAnalysis.Setting.CREDENTIAL);
  }

  @Test
  void credentialNamesByTheNounTheyEndIn() {
    assertThat(List.of("OPENAI_API_KEY", "GITHUB_TOKEN", "DB_PASSWORD", "CLIENT_SECRET", "JIRA_API_TOKEN",
        "GOOGLE_APPLICATION_CREDENTIALS", "AWS_SECRET_ACCESS_KEY", "GITHUB_PAT", "OPENAI_KEY", "BASIC_AUTH"))
        .allMatch(n -> CredentialName.looksLike(n, true));
    assertThat(List.of("JIRA_AUTH_TYPE", "PKG_SECRET_MODE", "TOKEN_URL", "MAX_TOKENS", "PASSWORD_FILE",
        "CACHE_KEY_PREFIX", "KEY")).noneMatch(n -> CredentialName.looksLike(n, true));
    assertThat(List.of("api_key", "token", "password", "key_password", "private-key", "apiKey", "auth"))
        .allMatch(n -> CredentialName.looksLike(n, false));
    assertThat(List.of("key", "routing_key", "stats_key", "cache_key", "use_token_cache", "auth_type", "pat"))
        .noneMatch(n -> CredentialName.looksLike(n, false));
    // The name is half the evidence: a parameter include_password=False is a switch (analyse reads its default).
    PyModule was = module(Set.of(), Map.of("as_uri", List.of(new PyModule.Param("self", "param", null))), Set.of());
    PyModule now = module(Set.of(), Map.of("as_uri", List.of(new PyModule.Param("self", "param", null),
        new PyModule.Param("include_password", "param", "False"))), Set.of());
    assertThat(FlagAnalysis.analyse(List.of(new PyFileChange("acme/b.py", was, now)), Set.of()).newFlags())
        .extracting(c -> Shown.md(c.text())).containsExactly("parameter `as_uri(include_password)` added in "
            + "`acme/b.py`");
  }

  /** Upstream is searched for whole names: a longer name that starts with the fork's does not hide it. */
  @Test
  void upstreamIsSearchedForWholeNames() {
    java.util.function.BiPredicate<String, String> found = (name, line) -> java.util.regex.Pattern.compile(
        UpstreamNames.wholeName(name)).matcher(line).find();
    assertThat(found.test("--region", "p.add_argument('--region-name')")).isFalse();
    assertThat(found.test("--dest", "'--destination',")).isFalse();
    assertThat(found.test("ACME_MODE", "os.getenv('ACME_MODE_OLD')")).isFalse();
    assertThat(found.test("--region", "p.add_argument(\"--region\", default='eu')")).isTrue();
    assertThat(found.test("ACME_MODE", "ACME_MODE")).isTrue();
    assertThat(found.test("--color/--no-color", "@click.option('--color/--no-color')")).isTrue();
    assertThat(found.test("a.b", "axb")).isFalse();
  }

  /** An env var read in a test file and in the product is the product's: judged as a flag there and in the test. */
  @Test
  void anEnvVarReadOutsideTestsIsNotTestOnly() {
    PyModule reads = module(Set.of("ACME_MODE"), Map.of(), Set.of());
    FlagAnalysis.Result both = FlagAnalysis.analyse(List.of(new PyFileChange("tests/test_a.py", null, reads),
        new PyFileChange("acme/a.py", null, reads)), Set.of());
    assertThat(both.newFlags()).hasSize(2);
    assertThat(both.testOnly()).isEmpty();
    FlagAnalysis.Result tests = FlagAnalysis.analyse(List.of(new PyFileChange("tests/test_a.py", null, reads),
        new PyFileChange("t/unit/helpers.py", null, reads)), Set.of());
    assertThat(tests.newFlags()).isEmpty();
    assertThat(tests.testOnly()).extracting(c -> Shown.md(c.text())).containsExactly(
        "env var `ACME_MODE` read in `t/unit/helpers.py`", "env var `ACME_MODE` read in `tests/test_a.py`");
  }
}
