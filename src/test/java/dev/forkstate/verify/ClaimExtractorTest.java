package dev.forkstate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimExtractorTest {
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "git status -sb => COMMAND",
      "PYTHONPATH=$(pwd) pytest -q tests/smoke => COMMAND",
      "git describe --tags --always || echo no-tag => COMMAND",
      "./forkstate demo => COMMAND",
      "docs/dev/router_core_flag.md => PATH",
      "tests/smoke => PATH",
      "tests/smoke/ => PATH",
      ".github/workflows/fork-smokes.yml => PATH",
      "QUICK_START.md => PATH",
      "fork/stable => PATH",
      "Router(..., router_core=\"legacy\"|\"extracted\") => NONE",
      "extras/cache.configure_cache_redis(router, ...) => NONE",
      "LITELLM_ROUTER_CORE=extracted => NONE",
      "exec_shell => NONE",
      "v1.0.0-fork.1 => NONE",
      "upstream.behind => NONE",
      "../outside.md => NONE",
      "400 INVALID_ARGUMENT => NONE",
      "needs.Unit.result == 'success' => NONE"})
  void classifiesCodeSpans(String span, String kind) {
    String s = span;
    String actual = ClaimExtractor.isCommand(s) ? "COMMAND" : ClaimExtractor.isPath(s) ? "PATH" : "NONE";
    assertThat(actual).as(s).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "Router(..., router_core=\"legacy\"|\"extracted\") => CALL||Router|[router_core]",
      "extras/cache.configure_cache_redis(router, ttl=5) => CALL|extras/cache|configure_cache_redis|[ttl]",
      "extras.images.fetch_remote_image(...) => CALL|extras.images|fetch_remote_image|[]",
      "f(x=\"a=b\") => CALL||f|[x]",
      "pkg.mod:Qual.name => QUALNAME|pkg.mod|Qual.name|[]",
      "LITELLM_ROUTER_CORE=extracted => ENV_FLAG||LITELLM_ROUTER_CORE|[]",
      "exec_shell => NONE",
      "a == b => NONE"})
  void readsCodeSpans(String span, String expected) {
    String actual = SymbolSpan.of(span).map(s -> s.kind() + "|" + s.module() + "|" + s.name() + "|" + s.params())
        .orElse("NONE");
    assertThat(actual).as(span).isEqualTo(expected);
  }

  @Test
  void envFlagsInProseDropTheSentencesFullStop() {
    assertThat(SymbolSpan.envFlagsIn("wires it only when LITELLM_ROUTER_CORE=extracted. Default remains legacy"))
        .extracting(s -> s.name() + "=" + s.value()).containsExactly("LITELLM_ROUTER_CORE=extracted");
    assertThat(SymbolSpan.envFlagsIn("PYTHONPATH=$(pwd) pytest")).isEmpty();
  }

  @Test
  void escapedPathsAreThePathsTheyNameAndFilesNamedAsAbsentAreNoClaim() {
    List<Claim> claims = ClaimExtractor.extract("""
        - 6 Python modules the fork added
          - minillm/extras/\\_\\_init\\_\\_.py
        - Declared dependencies: no packaging file at HEAD (pyproject.toml, setup.cfg, setup.py): nothing declared
        - Config read from settings.yml; docs/guide.md is cited
        """, "p");
    assertThat(claims).filteredOn(c -> c.kind() == Claim.Kind.PATH || c.kind() == Claim.Kind.REFERENCE)
        .extracting(Claim::subject)
        .containsExactlyInAnyOrder("minillm/extras/__init__.py", "settings.yml", "docs/guide.md");
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "- All smoke tests pass and CI is green. => All smoke tests pass",
      "- Smokes: 250 passed, 0 failed. => 250 passed",
      "- The fork is 40% faster. => 40% faster",
      "- Smokes are not proven green (UNKNOWN) => -",
      "- CI on the last push: no claim of green CI can be made. => -",
      "- Verdict: blocking: ci-last-push-green SKIPPED => -",
      "   - Ensure Python 3.12 job is green. => -",
      "- Smokes pass rate (target 100%). => -"})
  void proseStatusClaims(String line, String expected) {
    List<Claim> claims = new ProseClaims().of(1, line, line, false, false).stream()
        .filter(c -> c.kind() == Claim.Kind.PROSE_STATUS).toList();
    assertThat(claims.isEmpty() ? "-" : claims.get(0).subject()).as(line).isEqualTo(expected);
  }

  @Test
  void aStatusLineSpeaksOfTheBranchNamedJustAbove() {
    List<Claim> claims = ClaimExtractor.extract("""
        Wiring Draft
        - Branch: feat/wiring-draft (PR #6 on fork).
        - Behavior: wires the inner call.
        - Status: Do not merge until parity passes.
        """, "prompt");
    assertThat(claims).filteredOn(c -> c.kind() == Claim.Kind.BRANCH_STATUS).singleElement()
        .satisfies(c -> assertThat(c.subject() + " " + c.line() + " " + c.command())
            .isEqualTo("feat/wiring-draft 4 do not merge"));
    assertThat(claims).filteredOn(c -> c.kind() == Claim.Kind.PATH).extracting(Claim::subject)
        .containsExactly("feat/wiring-draft");
  }

  @Test
  void onlyAStateReportIsHeldToTheSectionsAndThePrompt() {
    assertThat(ClaimExtractor.isStateReport("# State of Our LiteLLM Fork — 2025\n")).isTrue();
    assertThat(ClaimExtractor.isStateReport("# Patch ledger\n- a.py\n")).isFalse();
    assertThat(ClaimExtractor.extract("# Patch ledger\n- a.py\n", "prompt"))
        .noneMatch(c -> c.kind() == Claim.Kind.SECTION || c.kind() == Claim.Kind.PROMPT);
  }
}
