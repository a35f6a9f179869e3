package dev.forkstate.collect.ci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub Actions as WireMock on 127.0.0.1 serves it, with bodies shaped like the documented "list workflow runs
 * for a workflow" and "list jobs for a workflow run" responses: every way the answer can be wrong or missing must
 * come out UNKNOWN, WARN or FAIL, never PASS.
 */
class CiRunCollectorTest {
  private static final String RUNS = "/repos/acme/litellm/actions/workflows/fork-smokes.yml/runs";
  private static final String JOBS = "/repos/acme/litellm/actions/runs/30433642/jobs";
  private static final String TOKEN = "ghp_testtoken1234567890";

  @TempDir
  Path tmp;

  WireMockServer github;
  Map<String, String> env;
  GitScript repo;
  String head;

  @BeforeEach
  void setUp() {
    github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("fork"), env, 0).init();
    repo.git("switch", "-q", "-c", "fork/stable");
    repo.write("a.txt", "a\n").commit("one");
    repo.git("remote", "add", "origin", "https://github.com/acme/litellm.git");
    repo.git("update-ref", "refs/remotes/origin/fork/stable", "HEAD");
    repo.git("config", "branch.fork/stable.remote", "origin");
    head = repo.git("rev-parse", "HEAD").strip();
  }

  @AfterEach
  void tearDown() {
    github.stop();
  }

  private String config() {
    return "fork_branch: fork/stable\nci:\n  workflow: .github/workflows/fork-smokes.yml\n  job: \"3.12\"\n"
        + "  api_url: http://127.0.0.1:" + github.port() + "\n";
  }

  private FactSet collect(GitHubToken token) {
    return Collecting.run(new CiRunCollector(base -> token, Duration.ofSeconds(2)), repo.dir(), config(), env,
        false);
  }

  private FactSet collect() {
    return collect(GitHubToken.of(TOKEN, "GITHUB_TOKEN"));
  }

  private static String body(String file, Map<String, String> values) throws Exception {
    String text = Files.readString(Path.of("src/test/resources/__files/github/" + file));
    for (var e : values.entrySet()) {
      text = text.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return text;
  }

  private void stubRuns(String sha, String status, String conclusion) throws Exception {
    github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("branch", equalTo("fork/stable"))
        .withQueryParam("event", equalTo("push")).willReturn(json(body("workflow-runs.json",
            Map.of("HEAD_SHA", sha, "STATUS", status, "CONCLUSION", conclusion)))));
  }

  /** Two pages of jobs, linked the way GitHub links them; the 3.12 job is on the second page. */
  private void stubJobs(String jobConclusion) throws Exception {
    String base = "http://127.0.0.1:" + github.port();
    github.stubFor(get(urlPathEqualTo(JOBS)).withQueryParam("page", equalTo("2"))
        .willReturn(json(body("jobs-page2.json", Map.of("HEAD_SHA", head, "JOB_CONCLUSION", jobConclusion)))
            .withHeader("Link", "<" + base + JOBS + "?per_page=100&page=1>; rel=\"prev\", <" + base + JOBS
                + "?per_page=100&page=2>; rel=\"last\"")));
    github.stubFor(get(urlPathEqualTo(JOBS)).withQueryParam("per_page", equalTo("100")).atPriority(10)
        .willReturn(json(body("jobs-page1.json", Map.of("HEAD_SHA", head)))
            .withHeader("Link", "<" + base + JOBS + "?per_page=100&page=2>; rel=\"next\", <" + base + JOBS
                + "?per_page=100&page=2>; rel=\"last\"")));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  private static Fact fact(FactSet f, String id) {
    return f.get(id).orElseThrow();
  }

  @Test
  void aGreenRunForTheHeadAndAGreen312JobOnPageTwoPass() throws Exception {
    stubRuns(head, "completed", "\"success\"");
    stubJobs("success");
    FactSet f = collect();
    Fact run = fact(f, CiRunCollector.LAST_PUSH);
    assertThat(run.status()).isEqualTo(Status.PASS);
    // The report has no links: the run's address follows its number, as text a Markdown viewer links by itself.
    assertThat(run.summary()).isEqualTo("run #562 (https://github.com/acme/litellm/actions/runs/30433642) for the "
        + "head of local fork/stable succeeded");
    assertThat(Shown.summary(run)).isEqualTo("run #562 (https://github.com/acme/litellm/actions/runs/30433642) for "
        + "the head of local `fork/stable` succeeded");
    assertThat(run.summaryPhrase().first(Phrase.Kind.BRANCH)).contains("fork/stable");
    Fact job = fact(f, CiRunCollector.JOB);
    assertThat(job.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(job)).isEqualTo("job `smokes (3.12)` (https://github.com/acme/litellm/actions/runs/"
        + "30433642/job/399444497) of run #562 (https://github.com/acme/litellm/actions/runs/30433642) succeeded");
    assertThat(run.evidence().get(0).excerpt()).isEqualTo("run #562 (https://github.com/acme/litellm/actions/runs/"
        + "30433642) completed success");
    github.verify(getRequestedFor(urlPathMatching("/repos/.*")).withHeader("Authorization",
        equalTo("Bearer " + TOKEN)));
    f.all().forEach(x -> {
      assertThat(x.summary() + x.reason()).doesNotContain(TOKEN);
      x.evidence().forEach(e -> assertThat(e.command() + e.excerpt()).doesNotContain(TOKEN));
    });
  }

  @Test
  void aRedJobIsFail() throws Exception {
    stubRuns(head, "completed", "\"failure\"");
    stubJobs("failure");
    FactSet f = collect();
    assertThat(fact(f, CiRunCollector.LAST_PUSH).status()).isEqualTo(Status.FAIL);
    assertThat(fact(f, CiRunCollector.JOB).status()).isEqualTo(Status.FAIL);
    assertThat(fact(f, CiRunCollector.JOB).summary()).endsWith("ended failure");
  }

  @Test
  void aRunInProgressIsWarnNotPass() throws Exception {
    stubRuns(head, "in_progress", "null");
    stubJobs("success");
    Fact run = fact(collect(), CiRunCollector.LAST_PUSH);
    assertThat(run.status()).isEqualTo(Status.WARN);
    assertThat(run.summary()).endsWith("is in progress");
  }

  @Test
  void aRunForAnOlderCommitIsStaleAndUnknown() throws Exception {
    stubRuns("1111111111111111111111111111111111111111", "completed", "\"success\"");
    stubJobs("success");
    FactSet f = collect();
    for (String id : new String[] {CiRunCollector.LAST_PUSH, CiRunCollector.JOB}) {
      assertThat(fact(f, id).status()).isEqualTo(Status.UNKNOWN);
      assertThat(fact(f, id).reason()).startsWith("stale: the newest run, run #562 (https://github.com/acme/litellm/"
          + "actions/runs/30433642), is for 111111111111")
          .contains(head.substring(0, 12));
    }
  }

  @Test
  void aRunForWhatWasPushedPassesAndSaysLocalIsAhead() throws Exception {
    repo.write("b.txt", "b\n").commit("two, not pushed");
    stubRuns(head, "completed", "\"success\"");
    stubJobs("success");
    Fact run = fact(collect(), CiRunCollector.LAST_PUSH);
    assertThat(run.status()).isEqualTo(Status.PASS);
    assertThat(run.summary()).contains("origin/fork/stable (as last pushed; local fork/stable is 1 commits "
        + "ahead and CI has not seen them)");
    assertThat(Shown.summary(run)).contains("`origin/fork/stable` (as last pushed; local `fork/stable` is 1 "
        + "commits ahead and CI has not seen them)");
  }

  @Test
  void noJobMatchingTheVersionIsUnknown() throws Exception {
    stubRuns(head, "completed", "\"success\"");
    stubJobs("success");
    FactSet f = Collecting.run(new CiRunCollector(base -> GitHubToken.of(TOKEN, "GITHUB_TOKEN"),
        Duration.ofSeconds(2)), repo.dir(), config().replace("job: \"3.12\"", "job: \"3.13\""), env, false);
    Fact job = fact(f, CiRunCollector.JOB);
    assertThat(job.status()).isEqualTo(Status.UNKNOWN);
    assertThat(job.reason()).contains("matches 3.13 (jobs: lint, smokes (3.12))");
    assertThat(Shown.reason(job)).contains("matches `3.13`");
  }

  @Test
  void errorsAreUnknownWithTheReasonAndTheCommandToCheckByHand() throws Exception {
    record Case(ResponseDefinitionBuilder response, String reason) {}
    for (Case c : new Case[] {
        new Case(aResponse().withStatus(401).withBody(body("bad-credentials.json", Map.of())),
            "GitHub rejected the token from GITHUB_TOKEN (401 Bad credentials)"),
        new Case(aResponse().withStatus(403).withHeader("x-ratelimit-limit", "60")
            .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", "1767229200")
            .withBody(body("rate-limited.json", Map.of())),
            "GitHub rate limit exhausted (403); it resets at 2026-01-01T01:00:00Z"),
        new Case(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "4999")
            .withBody(body("forbidden.json", Map.of())), "no access (403 Resource not accessible"),
        new Case(aResponse().withStatus(404).withBody(body("not-found.json", Map.of())), "not found (404)"),
        new Case(aResponse().withStatus(502).withBody("<html>bad gateway</html>"), "GitHub server error (502)"),
        new Case(aResponse().withStatus(200).withBody("{\"workflow_runs\": [ {\"id\": "), "malformed JSON"),
        new Case(aResponse().withStatus(200).withFixedDelay(4000).withBody("{}"),
            "GitHub did not answer within 2s")}) {
      github.resetAll();
      github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(c.response()));
      FactSet f = collect();
      for (String id : new String[] {CiRunCollector.LAST_PUSH, CiRunCollector.JOB}) {
        Fact x = fact(f, id);
        assertThat(x.status()).as(c.reason()).isEqualTo(Status.UNKNOWN);
        assertThat(x.reason()).as(c.reason()).contains(c.reason());
        assertThat(x.command()).isEqualTo("gh run list --workflow fork-smokes.yml --branch fork/stable --event push");
      }
    }
  }

  @Test
  void anonymousAccessNotesTheRateLimit() throws Exception {
    github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(404)
        .withHeader("x-ratelimit-limit", "60").withHeader("x-ratelimit-remaining", "57")
        .withBody(body("not-found.json", Map.of()))));
    Fact run = fact(collect(GitHubToken.of(null, "none (anonymous)")), CiRunCollector.LAST_PUSH);
    assertThat(run.reason()).contains("anonymous GitHub API: 57 of 60 requests left this hour");
    github.verify(getRequestedFor(urlPathEqualTo(RUNS)).withoutHeader("Authorization"));
  }

  @Test
  void offlineIsSkippedAndANonGitHubRemoteIsUnknown() {
    FactSet offline = Collecting.run(new CiRunCollector(base -> GitHubToken.of(TOKEN, "t"), Duration.ofSeconds(2)),
        repo.dir(), config(), env, true);
    assertThat(fact(offline, CiRunCollector.LAST_PUSH).status()).isEqualTo(Status.SKIPPED);
    repo.git("remote", "set-url", "origin", "/srv/git/litellm.git");
    Fact local = fact(collect(), CiRunCollector.LAST_PUSH);
    assertThat(local.status()).isEqualTo(Status.UNKNOWN);
    assertThat(local.reason()).isEqualTo("remote origin is not a GitHub repository URL");
    assertThat(Shown.reason(local)).isEqualTo("remote `origin` is not a GitHub repository URL");
    assertThat(github.getAllServeEvents()).isEmpty();
  }
}
