package dev.forkstate.verify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forkstate.app.VerifyReport;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow the report calls green, read online from its last push run (GitHub Actions as WireMock serves it). */
class VerifyCiRunTest {
  private static final String RUNS = "/repos/acme/litellm/actions/workflows/fork-smokes.yml/runs";
  private static final String JOBS = "/repos/acme/litellm/actions/runs/30433642/jobs";

  @TempDir Path tmp;
  WireMockServer github;
  Map<String, String> env;
  GitScript repo;
  String head;
  Path report;

  @BeforeEach
  void setUp() throws Exception {
    github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    env = new HashMap<>(TestEnv.isolated(tmp.resolve("home")));
    env.put("GITHUB_TOKEN", "ghp_testtoken1234567890");
    repo = new GitScript(tmp.resolve("fork"), env, 0).init();
    repo.git("switch", "-q", "-c", "fork/stable");
    repo.write("tests/test_ok.py", "def test_ok():\n    assert True\n")
        .write(".github/workflows/fork-smokes.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
            + "    steps:\n      - run: pytest -q tests/test_ok.py\n")
        .write("forkstate.yml", "fork_branch: fork/stable\nci:\n  job: \"3.12\"\n  api_url: http://127.0.0.1:"
            + github.port() + "\n")
        .commit("fork");
    repo.git("remote", "add", "origin", "https://github.com/acme/litellm.git");
    repo.git("update-ref", "refs/remotes/origin/fork/stable", "HEAD");
    repo.git("config", "branch.fork/stable.remote", "origin");
    head = repo.git("rev-parse", "HEAD").strip();
    report = tmp.resolve("notes.md");
    Files.writeString(report, "# Notes\n- CI: `.github/workflows/fork-smokes.yml` runs the smokes. Green on last "
        + "run.\n");
  }

  @AfterEach
  void tearDown() {
    github.stop();
  }

  private void stub(String conclusion) throws Exception {
    github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("event", equalTo("push")).willReturn(json(
        body("workflow-runs.json", Map.of("HEAD_SHA", head, "STATUS", "completed", "CONCLUSION",
            "\"" + conclusion + "\"")))));
    github.stubFor(get(urlPathEqualTo(JOBS)).willReturn(json(body("jobs-page2.json", Map.of("HEAD_SHA", head,
        "JOB_CONCLUSION", conclusion)))));
  }

  private static String body(String file, Map<String, String> values) throws Exception {
    String text = Files.readString(Path.of("src/test/resources/__files/github/" + file));
    for (var e : values.entrySet()) {
      text = text.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return text;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private CheckedClaim ci(boolean offline) {
    VerifyReport.Result r = new VerifyReport().run(new VerifyReport.Request(repo.dir(), report, false, false, null,
        env, offline));
    return r.claims().stream().filter(c -> c.claim().kind() == Claim.Kind.CI_STATUS).findFirst().orElseThrow();
  }

  @Test
  void greenIsTrueWhenTheLastPushRunSucceededAndFalseWhenItFailed() throws Exception {
    stub("success");
    CheckedClaim green = ci(false);
    assertThat(green.verdict()).isEqualTo(Verdict.TRUE);
    assertThat(green.evidence().plain()).startsWith("last push run: run #562").contains("succeeded");

    github.resetAll();
    stub("failure");
    CheckedClaim red = ci(false);
    assertThat(red.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(red.command()).contains("gh run list --workflow fork-smokes.yml");
  }

  @Test
  void offlineTheRunIsNotReadAndTheClaimIsUnverifiable() throws Exception {
    CheckedClaim offline = ci(true);
    assertThat(offline.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(offline.command()).isEqualTo("gh run list --workflow fork-smokes.yml --event push --limit 1");
    assertThat(github.getAllServeEvents()).isEmpty();
  }
}
