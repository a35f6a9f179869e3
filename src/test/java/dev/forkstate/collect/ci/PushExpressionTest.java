package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.collect.ci.PushExpression.Truth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `if:` and `continue-on-error:` values on a push to the fork branch: TRUE, FALSE, or UNKNOWN when it depends. */
class PushExpressionTest {

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', nullValues = "NULL", textBlock = """
      `github.event_name == 'pull_request'` => fork/stable => FALSE
      `${{ github.event_name == 'push' }}` => fork/stable => TRUE
      `github.event_name != 'push'` => fork/stable => FALSE
      `GITHUB.EVENT_NAME == 'PUSH'` => fork/stable => TRUE
      `false` => fork/stable => FALSE
      `${{ false }}` => fork/stable => FALSE
      `true` => fork/stable => TRUE
      `0` => fork/stable => FALSE
      `github.ref == 'refs/heads/main'` => fork/stable => FALSE
      `github.ref == 'refs/heads/main'` => main => TRUE
      `github.ref == 'refs/heads/main'` => NULL => UNKNOWN
      `github.ref_name == 'FORK/STABLE'` => fork/stable => TRUE
      `github['event_name'] == 'push'` => fork/stable => TRUE
      `matrix.python == '3.12'` => fork/stable => UNKNOWN
      `matrix.python == '3.12' && github.event_name == 'pull_request'` => fork/stable => FALSE
      `matrix.x || github.event_name == 'push'` => fork/stable => TRUE
      `github.event_name == 'push' || secrets.TOKEN` => fork/stable => TRUE
      `github.event_name == 'push' && secrets.TOKEN != ''` => fork/stable => UNKNOWN
      `!cancelled()` => fork/stable => TRUE
      `failure()` => fork/stable => FALSE
      `always() && github.event_name == 'push'` => fork/stable => TRUE
      `success()` => fork/stable => TRUE
      `github.event.pull_request.head.repo.fork` => fork/stable => FALSE
      `!github.event.pull_request` => fork/stable => TRUE
      `github.head_ref == ''` => fork/stable => TRUE
      `contains(github.ref, 'STABLE')` => fork/stable => TRUE
      `startsWith(github.ref, 'refs/tags/')` => fork/stable => FALSE
      `contains(github.event.head_commit.message, '[skip]')` => fork/stable => UNKNOWN
      `format('{0}', github.ref) == 'x'` => fork/stable => UNKNOWN
      `'it''s' == 'IT''S'` => fork/stable => TRUE
      `1 == '1'` => fork/stable => TRUE
      `2 > 10` => fork/stable => FALSE
      `github.event_name == 'push' && (` => fork/stable => UNKNOWN
      `github.event_name = 'push'` => fork/stable => UNKNOWN
      `'unclosed` => fork/stable => UNKNOWN
      `ok ${{ github.event_name }}` => fork/stable => UNKNOWN
      `${{ matrix.experimental }}` => fork/stable => UNKNOWN
      """)
  void evaluatesForAPushToTheBranch(String expression, String branch, Truth expected) {
    assertThat(PushExpression.evaluate(expression, branch)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aPathologicallyNestedExpressionIsUnknownNotAStackOverflow() {
    String deep = "(".repeat(5000) + "true" + ")".repeat(5000);
    assertThat(PushExpression.evaluate(deep, "main")).isEqualTo(Truth.UNKNOWN);
    assertThat(PushExpression.evaluate("!".repeat(5000) + "true", "main")).isEqualTo(Truth.UNKNOWN);
  }
}
