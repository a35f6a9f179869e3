package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a shell would run of a `run:` script: printed and commented-out commands are not run. */
class ExecutedScriptTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      `pytest -q tests/smoke` => true
      `pytest -q tests/smoke  # the smokes` => true
      `echo start && pytest -q tests/smoke` => true
      `echo $#; pytest -q tests/smoke` => true
      `bash -c "pytest -q tests/smoke"` => true
      `PYTHONPATH=. pytest -q tests/smoke 2>&1 | tee log` => true
      `echo "pytest -q tests/smoke"` => false
      `echo pytest -q tests/smoke` => false
      `printf 'pytest -q tests/smoke\\n'` => false
      `# pytest -q tests/smoke` => false
      `echo "x; pytest -q tests/smoke"` => false
      `X=1 echo pytest -q tests/smoke` => false
      `if true; then echo pytest -q tests/smoke; fi` => false
      `: pytest -q tests/smoke` => false
      """)
  void findsTheCommandOnlyWhereItRuns(String script, boolean runs) {
    assertThat(ExecutedScript.of(script).contains("pytest -q tests/smoke")).isEqualTo(runs);
  }

  @org.junit.jupiter.api.Test
  void keepsSeparatorsAndLinesSoMultiLineCommandsAreStillFound() {
    String script = "set -e\n# echo pytest\necho \"running\"\ncd src && PYTHONPATH=$(pwd) pytest -q tests/smoke\n";
    assertThat(ExecutedScript.of(script)).isEqualTo("set -e\n\n\ncd src && PYTHONPATH=$(pwd) pytest -q tests/smoke\n");
  }
}
