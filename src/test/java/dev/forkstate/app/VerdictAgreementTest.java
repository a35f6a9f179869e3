package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.cli.Main;
import dev.forkstate.support.TestEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit code, the stderr verdict line, the Executive Summary headline and the JSON verdict are one decision: on a
 * fork with green smokes but no CI workflow, `generate --offline` must not say "passed".
 */
class VerdictAgreementTest {
  @TempDir
  Path tmp;

  @Test
  void offlineOnAForkWithoutAWorkflowExitsOneNamingTheCiChecksEverywhere() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = new GitScript(tmp.resolve("fork"), env, 0).init();
    g.write("forkstate.yml", "fork_branch: main\nsmokes:\n  - name: smokes\n    command: pytest -q tests/smoke\n")
        .write("tests/smoke/test_ok.py", "def test_ok():\n    assert True\n").commit("fork with smokes, no CI");
    g.tag("v1");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path json = tmp.resolve("state.json");
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), env, "generate", "--offline", "--repo",
        g.dir().toString(), "--json-out", json.toString());

    assertThat(exit).isEqualTo(1);
    String line = err.toString().lines().filter(l -> l.contains("(exit ")).reduce((a, b) -> b).orElseThrow();
    assertThat(line).startsWith("forkstate: not passed: ")
        .contains("ci-last-push-green SKIPPED (no CI workflow configured or detected: no workflow under .github/workflows)")
        .contains("ci-workflow-wired SKIPPED (no CI workflow configured or detected")
        .endsWith("(exit 1)").doesNotContain("all required checks pass");

    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.path("exitCode").asInt()).isEqualTo(1);
    JsonNode verdict = doc.path("verdict");
    assertThat(verdict.path("passed").asBoolean()).isFalse();
    assertThat(verdict.path("exitCode").asInt()).isEqualTo(1);
    List<String> blocking = new ArrayList<>();
    verdict.path("blocking").forEach(n -> blocking.add(n.asText()));
    assertThat(blocking).containsExactly("ci-last-push-green", "ci-workflow-wired");
    assertThat(line).isEqualTo("forkstate: " + verdict.path("line").asText() + " (exit 1)");

    String md = Files.readString(g.dir().resolve("STATE_OF_PROJECT.md"));
    String headline = md.lines().filter(l -> l.contains("Verdict: ")).findFirst().orElseThrow();
    assertThat(headline).isEqualTo("- **" + verdict.path("status").asText() + "** Verdict: "
        + verdict.path("sentence").asText());
    assertThat(headline).contains("blocking: ci-last-push-green SKIPPED, ci-workflow-wired SKIPPED");
    // The assessment reads the same verdict, by counts: the headline above it names the checks.
    assertThat(md).contains("Not in a shippable state on the measured evidence: "
        + verdict.path("sentence").asText().substring("not passed: ".length()).replaceAll(";.*", "") + "; "
        + blocking.size() + " blocking.");
  }
}
