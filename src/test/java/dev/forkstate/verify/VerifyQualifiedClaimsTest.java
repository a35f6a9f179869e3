package dev.forkstate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.VerifyReport;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines captured from forkstate's own report of a failing fork (render/LargeForkShapeTest), where verify used to find
 * 14 false FALSEs: a name said to be absent is checked as absent, a FAIL/UNKNOWN badge says what its bullet claims, and
 * a name inside a tool's reason is no claim that it exists. The same wording around a lie stays FALSE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyQualifiedClaimsTest {
  private static final String SMOKE = "PYTHONPATH=$(pwd) pytest -q tests/smoke";

  Path tmp;
  Map<String, String> env;
  GitScript repo;

  @BeforeAll
  void fixture(@TempDir Path dir) {
    tmp = dir;
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("fork"), env, 0).init();
    repo.write("pkg/__init__.py", "").write("pkg/core.py", "def core():\n    return 1\n")
        .write("tests/smoke/test_core.py", "def test_ok():\n    assert True\n\n\ndef test_broken():\n"
            + "    assert False\n")
        .write(".github/workflows/ci.yml", "on: push\njobs:\n  integration:\n"
            + "    uses: ./.github/workflows/integration.yml\n")
        .write("forkstate.yml", "fork_branch: main\nsmokes:\n  - name: core\n    command: " + SMOKE + "\n")
        .commit("a fork whose smoke fails");
  }

  private VerifyReport.Result verify(String text, boolean run) throws Exception {
    Path report = Files.writeString(tmp.resolve("report.md"), text);
    return new VerifyReport().run(new VerifyReport.Request(repo.dir(), report, false, run, null, env));
  }

  /** "kind subject verdict" per line. */
  private static Map<Integer, List<String>> byLine(VerifyReport.Result r) {
    return r.claims().stream().collect(Collectors.groupingBy(c -> c.claim().line(), java.util.TreeMap::new,
        Collectors.mapping(c -> c.claim().kind() + " " + c.claim().subject() + " " + c.verdict(),
            Collectors.toList())));
  }

  @Test
  void forkstatesOwnLinesOfAFailingForkAreTrue() throws Exception {
    VerifyReport.Result r = verify("""
        # Notes
        - **FAIL** Smokes: 1 passed, 1 failed, 0 errors, 0 skipped · `PYTHONPATH=$(pwd) pytest -q tests/smoke`
        [^ref.config.docs-fork-routing-md]: **FAIL** `docs/fork/ROUTING.md` does not exist — not at HEAD and not \
        on disk · `git ls-tree -r --name-only HEAD -- docs/fork/ROUTING.md`
        - **FAIL** Capabilities: UNVERIFIED Turbo provider: a provider that is not there (not shown: path \
        `pkg/turbo.py` does not exist; symbol `pkg.turbo:Turbo` has no module file at HEAD (looked for pkg/turbo.py, \
        pkg/turbo/\\_\\_init\\_\\_.py); test `tests/test_turbo.py::test_turbo`: not run by the smokes) · \
        `git ls-tree -r --name-only HEAD -- pkg/turbo.py`
        - **FAIL** Cited path not committed: `docs/fork/ROUTING.md` does not … · [see Next Steps](#next-steps)
        [^ci.workflow.python]: **UNKNOWN** no literal job or matrix entry for Python 3.12 in .github/workflows/ci.yml \
        — job `integration` calls `./.github/workflows/integration.yml` (.github/workflows/ci.yml:4), which \
        forkstate does not follow for this fact · `cat .github/workflows/ci.yml`
        - **UNKNOWN** Smokes (providers): could not run: No module named `turbo_sdk_missing` — pytest … · \
        `PYTHONPATH=$(pwd) pytest -q tests/providers`
        """, false);
    assertThat(r.claims()).noneMatch(c -> c.verdict() == Verdict.FALSE);
    Map<Integer, List<String>> lines = byLine(r);
    assertThat(lines.get(2)).contains("STATUS 1 failed TRUE");
    assertThat(lines.get(3)).contains("ABSENT docs/fork/ROUTING.md TRUE");
    assertThat(lines.get(4)).containsExactlyInAnyOrder("ABSENT pkg/turbo.py TRUE", "ABSENT pkg.turbo:Turbo TRUE",
        "COMMAND git ls-tree -r --name-only HEAD -- pkg/turbo.py TRUE");
    assertThat(lines.get(5)).containsExactly("ABSENT docs/fork/ROUTING.md TRUE");
    // The workflow a job calls is named by the tool's reason, not claimed to exist; the file read is.
    assertThat(lines.get(6)).contains("PATH .github/workflows/ci.yml TRUE")
        .noneMatch(l -> l.contains("integration.yml"));
    // A smoke that could not run names its test folder to show what was tried: not a claim that it is there.
    assertThat(lines.get(7)).containsExactly("COMMAND " + "PYTHONPATH=$(pwd) pytest -q tests/providers UNVERIFIABLE");
  }

  @Test
  void theSameWordingAroundALieIsStillFalse() throws Exception {
    VerifyReport.Result r = verify("""
        # Notes
        - **FAIL** `pkg/core.py` does not exist — not at HEAD and not on disk
        - **PASS** `docs/GUIDE.md` is committed
        - Missing: `pkg/core.py`, `docs/never.md` and `pkg/nope.py`
        - **PASS** Smokes: 2 passed, 0 failed · `PYTHONPATH=$(pwd) pytest -q tests/smoke`
        - **FAIL** Smokes: 1 passed, 2 failed · `PYTHONPATH=$(pwd) pytest -q tests/smoke`
        - symbol `pkg.core:core` has no module file at HEAD
        - Smokes run with `PYTHONPATH=$(pwd) pytest -q tests/providers`
        - `docs/GUIDE.md` does not touch `pkg/core.py`
        """, false);
    Map<Integer, List<String>> lines = byLine(r);
    assertThat(lines.get(2)).containsExactly("ABSENT pkg/core.py FALSE");
    assertThat(lines.get(3)).containsExactly("PATH docs/GUIDE.md FALSE");
    assertThat(lines.get(4)).containsExactlyInAnyOrder("ABSENT pkg/core.py FALSE", "ABSENT docs/never.md TRUE",
        "ABSENT pkg/nope.py TRUE");
    assertThat(lines.get(5)).contains("STATUS passed FALSE");
    CheckedClaim count = r.claims().stream().filter(c -> c.claim().line() == 6
        && c.claim().kind() == Claim.Kind.STATUS).findFirst().orElseThrow();
    assertThat(count.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(count.evidence().plain()).isEqualTo("says 2 failed; ran it: 1 passed, 1 failed, 0 errors, 0 skipped");
    assertThat(lines.get(7)).containsExactly("ABSENT pkg.core:core FALSE");
    assertThat(lines.get(8)).containsExactly("COMMAND PYTHONPATH=$(pwd) pytest -q tests/providers FALSE");
    // A negation that does not say a name is absent leaves the names claimed to exist.
    assertThat(lines.get(9)).containsExactlyInAnyOrder("PATH docs/GUIDE.md FALSE", "PATH pkg/core.py TRUE");
  }

  @Test
  void proseStatusUnderABadgeIsCheckedForWhatTheBadgeSays() throws Exception {
    String prose = """
        # Notes
        - **FAIL** Smokes (core): 1 passed, 1 failed, 0 errors, 0 skipped · [see Executive Summary](#summary)
        - All smoke tests pass.
        - **UNKNOWN** Deterministic smokes: smoke `providers` was not repeated; the others passed twice
        """;
    VerifyReport.Result unrun = verify(prose, false);
    assertThat(byLine(unrun).get(2)).containsExactly("PROSE_STATUS 1 failed UNVERIFIABLE");
    assertThat(byLine(unrun)).doesNotContainKey(4);
    VerifyReport.Result ran = verify(prose, true);
    assertThat(byLine(ran).get(2)).containsExactly("PROSE_STATUS 1 failed TRUE");
    assertThat(byLine(ran).get(3)).containsExactly("PROSE_STATUS All smoke tests pass FALSE");
  }
}
