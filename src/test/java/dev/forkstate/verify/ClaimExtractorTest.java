package dev.forkstate.verify;

import static org.assertj.core.api.Assertions.assertThat;

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
      "../outside.md => NONE"})
  void classifiesCodeSpans(String span, String kind) {
    String s = span;
    String actual = ClaimExtractor.isCommand(s) ? "COMMAND" : ClaimExtractor.isPath(s) ? "PATH" : "NONE";
    assertThat(actual).as(s).isEqualTo(kind);
  }
}
