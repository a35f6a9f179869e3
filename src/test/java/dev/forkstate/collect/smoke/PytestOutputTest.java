package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.exec.Capture;
import dev.forkstate.exec.CommandResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Found on a real instructor fork: the reason shown was pytest's "==== ERRORS ====" banner. */
class PytestOutputTest {
  private static CommandResult result(int exit, String stdout, String stderr) {
    return new CommandResult("pytest -q tests", exit, stdout, stderr, Capture.NONE, Capture.NONE, false, null,
        Duration.ZERO);
  }

  @Test
  void theShortSummaryLineBeatsTheBanner() {
    String out = "==================================== ERRORS ====================================\n"
        + "_______________ ERROR collecting tests/llm/test_openai/test_x.py _______________\n"
        + "ImportError while importing test module '/repo/tests/llm/test_openai/test_x.py'.\n"
        + "E   ModuleNotFoundError: No module named 'openai'\n"
        + "=========================== short test summary info ============================\n"
        + "ERROR tests/llm/test_openai/test_x.py - ModuleNotFoundError: No module named 'openai'\n"
        + "!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!!\n";
    assertThat(PytestOutput.reason(result(2, out, ""))).isEqualTo(
        "ERROR tests/llm/test_openai/test_x.py - ModuleNotFoundError: No module named 'openai'");
  }

  /** Captured from a 2012 fork on Python 3.11: the summary names the file only; the E line names the cause. */
  @Test
  void aSummaryLineWithoutItsCauseGetsTheFirstELine() {
    String out = "==================================== ERRORS ====================================\n"
        + "__________________ ERROR collecting tests/test_cookies.py ___________________\n"
        + "requests/packages/urllib3/_collections.py:7: in <module>\n"
        + "    from collections import MutableMapping\n"
        + "E   ImportError: cannot import name 'MutableMapping' from 'collections' "
        + "(/root/.pyenv/versions/3.11.7/lib/python3.11/collections/__init__.py)\n"
        + "=========================== short test summary info ============================\n"
        + "ERROR tests/test_cookies.py\n"
        + "!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!!\n";
    assertThat(PytestOutput.reason(result(2, out, ""))).isEqualTo("ERROR tests/test_cookies.py - ImportError: "
        + "cannot import name 'MutableMapping' from 'collections' "
        + "(/root/.pyenv/versions/3.11.7/lib/python3.11/collections/__init__.py)");
  }

  @Test
  void anAssertionLineWithoutASummaryAndStderrForUsageErrors() {
    assertThat(PytestOutput.reason(result(1, "=== FAILURES ===\nE   assert 1 == 2\n", "")))
        .isEqualTo("assert 1 == 2");
    assertThat(PytestOutput.reason(result(4, "", "ERROR: file or directory not found: tests/nope\n")))
        .isEqualTo("ERROR: file or directory not found: tests/nope");
    assertThat(PytestOutput.reason(result(4, "====== no tests ran in 0.01s ======\nmore\n", ""))).isEqualTo("more");
  }
}
