package dev.forkstate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.app.VerifyReport;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.error.ExitCode;
import dev.forkstate.error.UserError;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `forkstate verify` on the seed's report, in fixture repositories that lack what it cites. */
class VerifyReportTest {
  @TempDir
  Path tmp;

  Map<String, String> env;
  GitScript repo;
  String seed;

  @BeforeEach
  void setUp() throws Exception {
    env = TestEnv.isolated(tmp.resolve("home"));
    seed = Files.readString(Path.of("src/test/resources/seed/STATE_OF_PROJECT.md"));
    repo = new GitScript(tmp.resolve("fork"), env, 0).init();
    repo.git("switch", "-q", "-c", "fork/stable");
    repo.write("STATE_OF_PROJECT.md", seed)
        .write("local/docs/01_guides/HAPPYPATH_GUIDE.md", "# guide\n")
        .write(".github/workflows/fork-smokes.yml", "on: push\n")
        .write("local/scripts/live_checks.py", "print('ok')\n");
  }

  private VerifyReport.Result verify(boolean json, boolean run) {
    return new VerifyReport().run(new VerifyReport.Request(repo.dir(), null, json, run, null, env));
  }

  private static List<String> falsePaths(VerifyReport.Result r) {
    return r.claims().stream().filter(c -> c.verdict() == Verdict.FALSE && (c.claim().kind() == Claim.Kind.PATH
            || c.claim().kind() == Claim.Kind.REFERENCE))
        .map(c -> c.claim().line() + " " + c.claim().subject()).toList();
  }

  @Test
  void everyMissingPathIsFalseWithItsLineAndGreenSmokesWithoutTheFolderAreFalse() {
    repo.commit("a fork without the paths its report cites");
    VerifyReport.Result r = verify(false, false);
    // extras/response_utils names no folder or package of this fixture: a name of no known kind, not a claim.
    assertThat(falsePaths(r)).containsExactly(
        "25 docs/dev/router_core_flag.md",
        "25 local/scripts/router_core_perf.py",
        "76 docs/dev/router_core_flag.md",
        "77 tests/smoke",
        "79 local/scripts/router_core_perf.py",
        "95 local/docs/02_operational/CANARY_PARITY_PLAN.md",
        "105 QUICK_START.md",
        "106 local/docs/02_operational/CANARY_PARITY_PLAN.md");
    CheckedClaim green = r.claims().stream().filter(c -> c.claim().kind() == Claim.Kind.STATUS).findFirst()
        .orElseThrow();
    assertThat(green.claim().line()).isEqualTo(28);
    assertThat(green.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(green.evidence().plain()).contains("tests/smoke").contains("cannot pass on a clean checkout");
    // The path is named once: what the reference fact says of it follows without repeating it.
    assertThat(green.evidence().plain()).contains("but tests/smoke does not exist: ");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECKS_NOT_PASSING);
    assertThat(r.rendered()).contains("| 28 | \"green\": `PYTHONPATH=$(pwd) pytest -q tests/smoke` | **FALSE** |");
  }

  @Test
  void greenIsMeasuredWhenTheCommandIsAConfiguredSmokeOrRunIsAllowed() {
    repo.write("tests/smoke/test_ok.py", "def test_ok():\n    assert True\n")
        .write("forkstate.yml", "smokes:\n  - name: other\n    command: pytest -q tests/smoke\n").commit("smokes");
    CheckedClaim unconfigured = status(verify(false, false));
    assertThat(unconfigured.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(unconfigured.evidence().plain()).contains("--run");
    CheckedClaim ran = status(verify(false, true));
    assertThat(ran.verdict()).isEqualTo(Verdict.TRUE);
    assertThat(ran.evidence().plain()).isEqualTo("ran it: 1 passed, 0 failed, 0 errors, 0 skipped");

    repo.write("tests/smoke/test_ok.py", "def test_ok():\n    assert False\n")
        .write("forkstate.yml", "smokes:\n  - name: smokes\n    command: PYTHONPATH=$(pwd) pytest -q tests/smoke\n")
        .commit("break it, configure it");
    CheckedClaim configured = status(verify(false, false));
    assertThat(configured.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(configured.evidence().plain()).startsWith("ran it: 0 passed, 1 failed");
  }

  private static CheckedClaim status(VerifyReport.Result r) {
    return r.claims().stream().filter(c -> c.claim().kind() == Claim.Kind.STATUS).findFirst().orElseThrow();
  }

  @Test
  void sectionsPromptAndCiAreReportedAndJsonIsAVersionedDocument() throws Exception {
    repo.commit("c");
    VerifyReport.Result r = verify(true, false);
    JsonNode root = new ObjectMapper().readTree(r.rendered());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("counts").get("FALSE").asInt()).isEqualTo(
        (int) r.claims().stream().filter(c -> c.verdict() == Verdict.FALSE).count());
    assertThat(r.claims()).filteredOn(c -> c.claim().kind() == Claim.Kind.SECTION).hasSize(11)
        .allMatch(c -> c.verdict() == Verdict.TRUE);
    assertThat(r.claims()).filteredOn(c -> c.claim().kind() == Claim.Kind.PROMPT).singleElement()
        .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.TRUE));
    assertThat(r.claims()).filteredOn(c -> c.claim().kind() == Claim.Kind.CI_STATUS).singleElement()
        .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE));
  }

  @Test
  void aReportWithoutTheSectionsOrThePromptSaysSo() throws Exception {
    repo.write("STATE_OF_PROJECT.md", "# Notes\n\n- all good\n").commit("c");
    VerifyReport.Result r = verify(false, false);
    assertThat(r.claims()).filteredOn(c -> c.claim().kind() == Claim.Kind.SECTION)
        .allMatch(c -> c.verdict() == Verdict.FALSE);
    assertThat(r.claims()).filteredOn(c -> c.claim().kind() == Claim.Kind.PROMPT)
        .allMatch(c -> c.verdict() == Verdict.FALSE);
    // Nothing FALSE, nothing TRUE: exit 0 (exit 1 only for FALSE), and the summary does not call it true.
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.rendered()).contains("(nothing could be verified)");
  }

  @Test
  void aProgramNotInstalledHereIsUnverifiableNotFalse() {
    repo.write("STATE_OF_PROJECT.md", "- Run `no-such-tool-xyz --check` → green\n").commit("c");
    VerifyReport.Result r = verify(false, false);
    assertThat(r.claims()).filteredOn(c -> c.claim().kind() == Claim.Kind.COMMAND).singleElement()
        .satisfies(c -> {
          assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
          assertThat(c.evidence().plain()).isEqualTo("no-such-tool-xyz is not installed on this machine");
        });
  }

  @Test
  void aMissingReportIsAUserError() {
    repo.commit("c");
    assertThatThrownBy(() -> new VerifyReport().run(new VerifyReport.Request(repo.dir(), tmp.resolve("nope.md"),
        false, false, null, env))).isInstanceOf(UserError.class).hasMessageContaining("does not exist");
  }
}
