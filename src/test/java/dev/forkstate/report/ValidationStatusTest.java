package dev.forkstate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.Detected;
import dev.forkstate.config.Settings;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationStatusTest {
  private static final Settings SETTINGS = SettingsResolver.resolve(new ConfigLoader().parse("{}", "forkstate.yml"),
      new Detected("r", "main", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), null));

  private static List<String> lines(List<Fact> facts) {
    return new ValidationStatus(new FactSet(facts), SETTINGS).lines().stream()
        .map(l -> l instanceof Line.Bullet b ? "  ".repeat(b.depth()) + b.status() + " " + b.text().plain() + " | "
            + b.command() : l instanceof Line.Fold f ? "FOLD " + f.summary() : "")
        .toList();
  }

  /** A suite that fails wholesale shows its first failing tests in view and where the rest are. */
  @Test
  void aSmokeWithManyFailuresShowsTheFirstAndSaysHowManyMore() {
    List<Value.TestCase> failed = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      failed.add(new Value.TestCase("tests/t.py::test_" + i, "failed", "boom " + i));
    }
    Fact smoke = Fact.of(FactIds.SMOKE_PREFIX.value() + "core", Status.FAIL, new Value.Tests(0, 9, 0, 0, failed),
        "0 passed, 9 failed", Evidence.ofCommand("pytest -q"));

    List<String> out = lines(List.of(smoke));

    assertThat(out).filteredOn(l -> l.startsWith("  FAIL failed: ")).hasSize(Bullets.IN_VIEW_ITEMS);
    assertThat(out).contains("  null … and 3 more (JSON: .facts[] | select(.id == \"smoke.core\") | .value.notable) | ");
  }

  /** Tests that failed with the same message share one line: the message once, every test named, in order. */
  @Test
  void testsThatFailedTheSameWayShareOneLine() {
    List<Value.TestCase> notable = List.of(
        new Value.TestCase("tests/t.py::test_a", "failed", "assert 30 == 31"),
        new Value.TestCase("tests/t.py::test_b", "failed", "KeyError: 'x'"),
        new Value.TestCase("tests/t.py::test_c", "failed", "assert 30 == 31"),
        new Value.TestCase("tests/t.py::test_d", "skipped", "needs a proxy"));
    Fact smoke = Fact.of(FactIds.SMOKE_PREFIX.value() + "core", Status.FAIL, new Value.Tests(0, 3, 0, 1, notable),
        "0 passed, 3 failed, 0 errors, 1 skipped", Evidence.ofCommand("pytest -q"));

    List<String> out = lines(List.of(smoke));

    assertThat(out).filteredOn(l -> l.startsWith("  FAIL failed") || l.startsWith("  WARN skipped")).containsExactly(
        "  FAIL failed (2): tests/t.py::test_a, tests/t.py::test_c — assert 30 == 31 | ",
        "  FAIL failed: tests/t.py::test_b — KeyError: 'x' | ",
        "  WARN skipped: tests/t.py::test_d — needs a proxy | ");
  }

  /**
   * Facts that share a status, words and command are one bullet naming them all (CI facts skipped offline); what
   * is wrong leads what could not be told, and the settings stay on top.
   */
  @Test
  void factsWithOneCauseShareABulletAndWarningsLead() {
    List<Fact> facts = List.of(
        Fact.skipped(FactIds.CI_RUN_LAST_PUSH, "offline"),
        Fact.skipped(FactIds.CI_RUN_PYTHON_JOB, "offline"),
        Fact.unknown(FactIds.GIT_TRACKING_AHEAD, "no tracking remote", Evidence.ofCommand("git rev-parse @{u}")),
        Fact.unknown(FactIds.GIT_TRACKING_BEHIND, "no tracking remote", Evidence.ofCommand("git rev-parse @{u}")),
        Fact.of(FactIds.GIT_WORKTREE_UNTRACKED, Status.WARN, Value.none(), "1 untracked path",
            Evidence.ofCommand("git status --porcelain")));

    List<String> out = lines(facts);

    assertThat(out.get(0)).startsWith("null Settings:");
    assertThat(out.get(1)).startsWith("null CI workflow not set");
    assertThat(out.subList(2, out.size())).containsExactly(
        "WARN 1 untracked path | git status --porcelain",
        "UNKNOWN git.tracking.ahead, git.tracking.behind: no tracking remote | git rev-parse @{u}",
        "SKIPPED CI on the last push, CI job for Python 3.12: offline | ");
  }
}
