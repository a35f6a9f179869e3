package dev.forkstate.verify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "PR #N" read online from GitHub's pulls API (WireMock), upstream first, then the fork; never FALSE on a 404. */
class VerifyPullRequestTest {
  @TempDir Path tmp;
  WireMockServer github;
  Map<String, String> env;
  GitScript repo;
  Path report;

  @BeforeEach
  void setUp() throws Exception {
    github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    env = new HashMap<>(TestEnv.isolated(tmp.resolve("home")));
    env.put("GITHUB_TOKEN", "ghp_testtoken1234567890");
    repo = new GitScript(tmp.resolve("fork"), env, 0).init();
    repo.write("forkstate.yml", "upstream_ref: upstream/main\nci:\n  api_url: http://127.0.0.1:" + github.port()
        + "\n").commit("fork");
    repo.git("remote", "add", "upstream", "https://github.com/BerriAI/litellm.git");
    repo.git("remote", "add", "origin", "https://github.com/acme/litellm.git");
    report = tmp.resolve("notes.md");
    Files.writeString(report, "# Notes\n- Typo fix: PR #1201 merged upstream.\n- Router seam: PR #77 open.\n");
  }

  @AfterEach
  void tearDown() {
    github.stop();
  }

  private List<CheckedClaim> pulls(boolean offline) {
    VerifyReport.Result r = new VerifyReport().run(new VerifyReport.Request(repo.dir(), report, false, false, null,
        env, offline));
    return r.claims().stream().filter(c -> c.claim().kind() == Claim.Kind.PULL_REQUEST).toList();
  }

  @Test
  void aPullRequestFoundUpstreamIsTrueWithItsStateAndOneFoundNowhereIsUnverifiableNotFalse() throws Exception {
    github.stubFor(get(urlPathEqualTo("/repos/BerriAI/litellm/pulls/1201")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(Files.readString(
            Path.of("src/test/resources/__files/github/pull-1201.json")))));
    String notFound = Files.readString(Path.of("src/test/resources/__files/github/not-found.json"));
    github.stubFor(get(urlPathEqualTo("/repos/BerriAI/litellm/pulls/77")).willReturn(aResponse().withStatus(404)
        .withBody(notFound)));
    github.stubFor(get(urlPathEqualTo("/repos/acme/litellm/pulls/77")).willReturn(aResponse().withStatus(404)
        .withBody(notFound)));
    List<CheckedClaim> claims = pulls(false);
    assertThat(claims).hasSize(2);
    assertThat(claims.get(0).verdict()).isEqualTo(Verdict.TRUE);
    assertThat(claims.get(0).evidence().plain()).isEqualTo("#1201 in BerriAI/litellm: merged, head pr/fix-typo");
    assertThat(claims.get(0).command()).isEqualTo("gh pr view 1201 --repo BerriAI/litellm");
    assertThat(claims.get(1).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(claims.get(1).evidence().plain()).startsWith("not read: BerriAI/litellm: not found (404)")
        .contains("acme/litellm: not found (404)");
  }

  @Test
  void offlineNoRequestIsMade() {
    assertThat(pulls(true)).allMatch(c -> c.verdict() == Verdict.UNVERIFIABLE
        && c.command().startsWith("gh pr view "));
    assertThat(github.getAllServeEvents()).isEmpty();
  }
}
