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

  /** Captured report lines: which names each states as absent, and which it claims exist ("kind:subject"). */
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "[^ref.config.x]: **FAIL** `docs/fork/ROUTING.md` does not exist — not at HEAD and not on disk => "
          + "ABSENT:docs/fork/ROUTING.md",
      "- **FAIL** Cited path not committed: `docs/fork/ROUTING.md` does not … · [see](#x) => "
          + "ABSENT:docs/fork/ROUTING.md",
      "- **FAIL** `docs/fork/ROUTING.md` does not exist — not … · [see](#x) => ABSENT:docs/fork/ROUTING.md",
      "- symbol `pkg.turbo:Turbo` has no module file at HEAD => ABSENT:pkg.turbo:Turbo",
      "- Missing: `a/b.py`, `c/d.md` and `e/f.txt` => ABSENT:a/b.py ABSENT:c/d.md ABSENT:e/f.txt",
      "- `a/b.py` and `c/d.md` are not committed => ABSENT:a/b.py ABSENT:c/d.md",
      "- `docs/x.md` exists but is not committed => ABSENT:docs/x.md",
      "- no `setup.py` at HEAD => ABSENT:setup.py",
      "- docs/x.md does not exist => ABSENT:docs/x.md",
      "- no `tests/smoke` changes => PATH:tests/smoke",
      "- `docs/x.md` does not touch `pkg/core.py` => PATH:docs/x.md PATH:pkg/core.py",
      "- `docs/x.md` is missing, `pkg/core.py` is committed => ABSENT:docs/x.md PATH:pkg/core.py"})
  void namesStatedAbsentAreCheckedAsAbsent(String line, String expected) {
    String actual = String.join(" ", ClaimExtractor.extract(line, "p").stream()
        .filter(c -> c.kind() == Claim.Kind.ABSENT || c.kind() == Claim.Kind.PATH)
        .map(c -> c.kind() + ":" + c.subject()).sorted().toList());
    assertThat(actual).as(line).isEqualTo(expected);
  }

  /** A badge says what its bullet claims of the command it cites. */
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "- **FAIL** Smokes: 11 passed, 3 failed, 0 errors, 1 skipped · `pytest -q tests/smoke` => 3 failed|FAIL",
      "[^smoke.core]: **FAIL** 11 passed, 3 failed, 0 errors, 1 skipped · `pytest -q tests/smoke` => 3 failed|FAIL",
      "- **PASS** Smokes: 12 passed, 0 failed · `pytest -q tests/smoke` => passed|PASS",
      "- Smokes: 12 passed · `pytest -q tests/smoke` => passed|null",
      "- **UNKNOWN** Deterministic smokes: the others passed twice · `pytest -q tests/smoke` => -",
      "  - **WARN** skipped: 1 passed, 1 skipped · `pytest -q tests/smoke` => -",
      "- **FAIL** Cited path not committed · `git ls-tree -r --name-only HEAD -- docs/x.md` => -"})
  void aBadgeQualifiesTheStatusItsBulletClaims(String line, String expected) {
    List<Claim> status = ClaimExtractor.extract(line, "p").stream().filter(c -> c.kind() == Claim.Kind.STATUS)
        .toList();
    assertThat(status.isEmpty() ? "-" : status.get(0).subject() + "|" + status.get(0).badge()).as(line)
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "- **FAIL** Smokes (core): 11 passed, 3 failed, 0 errors, 1 skipped => 3 failed",
      "- **FAIL** Smokes (core): could not collect => -",
      "- **UNKNOWN** Deterministic smokes: the others passed twice => -",
      "- **WARN** Smokes: 12 passed, 1 skipped => -",
      "- **PASS** Smokes: 12 passed => 12 passed"})
  void proseStatusUnderABadge(String line, String expected) {
    List<Claim> claims = new ProseClaims().of(1, line, line, false, false, ClaimExtractor.badge(line)).stream()
        .filter(c -> c.kind() == Claim.Kind.PROSE_STATUS).toList();
    assertThat(claims.isEmpty() ? "-" : claims.get(0).subject()).as(line).isEqualTo(expected);
  }
}
