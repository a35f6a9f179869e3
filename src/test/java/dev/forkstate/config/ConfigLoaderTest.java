package dev.forkstate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.error.UserError;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  private static String errorOf(String yaml) {
    return ConfigErrors.of(yaml);
  }

  @Test
  void fullConfigParses() {
    ForkstateConfig c = loader.parse("""
        project: LiteLLM fork
        fork_branch: fork/stable
        upstream_ref: upstream/main
        smokes:
          - name: smokes
            command: PYTHONPATH=$(pwd) pytest -q tests/smoke
            timeout_seconds: 300
        live_check:
          command: python local/scripts/live_checks.py
          requires_env: [OPENAI_API_KEY]
        ci: {workflow: .github/workflows/fork-smokes.yml, job: "3.12"}
        guide: local/docs/01_guides/HAPPYPATH_GUIDE.md
        assessment_prompt: "How do we compare?"
        paths: [docs/dev/router_core_flag.md]
        required_checks: [smokes-pass]
        """, "forkstate.yml");
    assertThat(c.forkBranch()).isEqualTo("fork/stable");
    assertThat(c.smokes()).singleElement().satisfies(s -> assertThat(s.timeoutSeconds()).isEqualTo(300));
    assertThat(c.ci().job()).isEqualTo("3.12");
    assertThat(c.liveCheck().requiresEnv()).containsExactly("OPENAI_API_KEY");
  }

  @Test
  void emptyOrBlankIsAllDefaults() {
    assertThat(loader.parse("", "f")).isEqualTo(ForkstateConfig.empty());
    assertThat(loader.parse("# only a comment\n", "f")).isEqualTo(ForkstateConfig.empty());
  }

  @Test
  void unknownTopLevelKeySuggestsTheNearest() {
    assertThat(errorOf("fork_brnch: x\n"))
        .isEqualTo("config key 'fork_brnch' is unknown (forkstate.yml:1:1); did you mean 'fork_branch'?");
  }

  @Test
  void unknownKeyFarFromAnyListsTheValidOnes() {
    assertThat(errorOf("ci:\n  zzz: 1\n")).startsWith("config key 'ci.zzz' is unknown (forkstate.yml:2:3); "
        + "valid keys here: api_url, job, remote, workflow");
  }

  @Test
  void wrongTypesNameTheKeyAndPosition() {
    assertThat(errorOf("smokes:\n  - name: s\n    command: x\n    timeout_seconds: soon\n"))
        .startsWith("config key 'smokes[0].timeout_seconds' has the wrong type; expected a whole number "
            + "(forkstate.yml:4:22)");
    assertThat(errorOf("smokes: pytest\n")).contains("'smokes' has the wrong type; expected a list");
    assertThat(errorOf("fork_branch: 12\n")).contains("'fork_branch' has the wrong type; expected text");
    assertThat(errorOf("ci: [a]\n")).contains("'ci' has the wrong type");
  }

  @Test
  void malformedYamlNamesTheLine() {
    assertThat(errorOf("project: x\nfork_branch: a: b\n")).startsWith("config is not valid YAML")
        .contains("(forkstate.yml:2:");
  }

  @Test
  void semanticErrors() {
    assertThat(errorOf("smokes:\n  - name: s\n")).contains("smoke step has no command");
    assertThat(errorOf("smokes:\n  - {name: s, command: x}\n  - {name: s, command: y}\n"))
        .contains("smoke name 's' is used twice");
    assertThat(errorOf("smokes:\n  - {command: x, timeout_seconds: 0}\n")).contains("must be positive");
    assertThat(errorOf("live_check: {requires_env: [A]}\n")).contains("live_check has no command");
  }

  /** Names that differ only by case or punctuation would give two facts one id: refused at the second name's line. */
  @Test
  void namesThatCollideAsFactIdsAreRefusedWithTheLine() {
    assertThat(errorOf("smokes:\n  - name: unit\n    command: pytest a\n  - name: Unit\n    command: pytest b\n"))
        .contains("smoke names 'unit' and 'Unit' both become the fact id segment 'unit'")
        .contains("(forkstate.yml:4:5)");
    assertThat(errorOf("smokes:\n  - {name: smoke 2, command: a}\n  - {command: b}\n"))
        .contains("smoke names 'smoke 2' and 'smoke-2' both become").contains("forkstate.yml: smokes[1]");
    assertThat(errorOf("metrics:\n  commands:\n    - {name: p99, command: a}\n    - {name: P99, command: b}\n"))
        .contains("metric command names 'p99' and 'P99'").contains("(forkstate.yml:4:");
    assertThat(errorOf("capabilities:\n  - {name: Router core}\n  - {name: router-core}\n"))
        .contains("capability names 'Router core' and 'router-core'");
  }

  @Test
  void happyPathAndCapabilitiesAreCheckedStrictly() {
    ForkstateConfig c = loader.parse("""
        happypath: {allowed_flags: [LITELLM_ROUTER_CORE, router_core], optional_modules: [numpy],
                    allowed_defaults: ["litellm.router:Router.__init__(timeout)"], determinism_runs: 3}
        capabilities:
          - name: Router core seam
            description: flag-gated extracted path
            evidence: {paths: [litellm/router_core/], symbols: ["litellm.router:Router.__init__"],
                       env: [LITELLM_ROUTER_CORE], tests: ["tests/smoke/test_router.py::test_seam"]}
        """, "forkstate.yml");
    assertThat(c.happypath().determinismRuns()).isEqualTo(3);
    assertThat(c.capabilities()).singleElement().satisfies(cap ->
        assertThat(cap.evidence().symbols()).containsExactly("litellm.router:Router.__init__"));
    assertThat(errorOf("happypath: {determinism_runs: 0}\n")).contains("between 1 and 10");
    assertThat(errorOf("happypath: {repeat_under_seconds: -1}\n")).contains("repeat_under_seconds must be 0 or more");
    assertThat(errorOf("happypath: {allowed_flag: [X]}\n")).contains("did you mean 'happypath.allowed_flags'?");
    assertThat(errorOf("capabilities:\n  - description: x\n")).startsWith("capability has no name");
    assertThat(errorOf("capabilities:\n  - {name: A}\n  - {name: A}\n")).contains("listed twice");
    assertThat(errorOf("capabilities:\n  - {name: A, evidence: {symbols: [litellm.router.Router]}}\n"))
        .contains("is not module:qualname");
    assertThat(errorOf("capabilities:\n  - {name: A, evidence: {files: [x]}}\n"))
        .contains("'capabilities[0].evidence.files' is unknown");
  }

  @Test
  void metricsAreCheckedStrictly() {
    assertThat(loader.parse("metrics: {import_modules: [litellm], commands: [{name: parity, command: x, "
        + "thresholds: [{metric: a.b, relative_to: c.d, within_pct: 3}, {metric: e, max: 2}]}]}\n", "forkstate.yml")
        .metrics().commands()).singleElement().satisfies(c -> assertThat(c.thresholds()).hasSize(2));
    assertThat(errorOf("metrics: {commands: [{name: p}]}\n")).contains("needs a name and a command");
    assertThat(errorOf("metrics: {commands: [{name: p, command: x, thresholds: [{metric: a}]}]}\n"))
        .contains("either min/max or relative_to with within_pct");
    assertThat(errorOf("metrics: {commands: [{name: p, command: x, thresholds: [{metric: a, max: 1, "
        + "within_pct: 3}]}]}\n")).contains("either min/max or relative_to");
    assertThat(errorOf("metrics: {commands: [{name: p, command: x}, {name: p, command: y}]}\n"))
        .contains("listed twice");
  }

  @Test
  void llmBlockIsCheckedStrictly() {
    ForkstateConfig c = loader.parse("llm:\n  base_url: http://localhost:4000/v1\n  model: gpt-4o-mini\n"
        + "  api_key_env: LITELLM_API_KEY\n  timeout_seconds: 30\n  max_retries: 1\n  draft_sections: true\n",
        "forkstate.yml");
    assertThat(c.llm().apiKeyEnv()).isEqualTo("LITELLM_API_KEY");
    assertThat(c.llm().draftSections()).isTrue();
    assertThat(errorOf("llm:\n  base-url: http://x\n"))
        .isEqualTo("config key 'llm.base-url' is unknown (forkstate.yml:2:3); did you mean 'llm.base_url'?");
    assertThat(errorOf("llm: {model: gpt-4o-mini}\n")).startsWith("llm needs both base_url and model "
        + "(forkstate.yml: llm)");
    assertThat(errorOf("llm: {base_url: localhost:4000, model: m}\n")).contains("must be an http(s) URL");
    assertThat(errorOf("llm: {base_url: http://x/v1, model: m, api_key_env: sk-abc123}\n"))
        .contains("must name an environment variable, not hold the key");
    assertThat(errorOf("llm: {base_url: http://x/v1, model: m, max_retries: 11}\n")).contains("between 0 and 10");
    assertThat(errorOf("llm: {base_url: http://x/v1, model: m, timeout_seconds: 0}\n")).contains("positive");
  }

  @Test
  void nearestNeedsToBeClose() {
    assertThat(Nearest.of("comand", java.util.List.of("command", "name"))).isEqualTo("command");
    assertThat(Nearest.of("xyz", java.util.List.of("command", "name"))).isNull();
  }

  @Test
  void missingFileIsEmptyConfig(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    assertThat(loader.load(dir.resolve("forkstate.yml"))).isEqualTo(ForkstateConfig.empty());
  }

  @Test
  void everyUserErrorIsOneLine() {
    assertThatThrownBy(() -> loader.parse("a: b: c\n", "forkstate.yml")).isInstanceOf(UserError.class)
        .satisfies(e -> assertThat(((UserError) e).oneLine()).doesNotContain("\n"));
  }

  @Test
  void prBoundsAreReadWithDefaultsAndMustBePositive() {
    ForkstateConfig c = loader.parse("pr_bounds: {max_commits: 3}\n", "forkstate.yml");
    assertThat(c.prBounds().maxCommits()).isEqualTo(3);
    assertThat(c.prBounds().maxFiles()).isNull();
    assertThat(errorOf("pr_bounds: {max_files: 0}\n")).contains("pr_bounds.max_commits and pr_bounds.max_files "
        + "must be at least 1").contains("forkstate.yml: pr_bounds");
    assertThat(errorOf("pr_bounds: {max_lines: 9}\n")).contains("max_lines");
  }
}
