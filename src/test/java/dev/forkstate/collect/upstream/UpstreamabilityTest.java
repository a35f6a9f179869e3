package dev.forkstate.collect.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.ConflictKind;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import dev.forkstate.support.Shown;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted upstreamability cases: a fork commit cherry-picked upstream under another sha, a heavy fork edit that
 * upstream also changed (a conflict), PR branches that landed, conflict or merge cleanly; and a fork whose merge is
 * clean and that merged upstream once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamabilityTest {
  private static final long DAY_TICKS = 24 * 60; // GitScript ticks are minutes
  private static final String CONFIG = "fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n";

  Map<String, String> env;
  Path forkDir;
  FactSet facts;
  String md;
  String typoSha;

  private static String router(String tag, int changed) {
    return IntStream.range(0, 30).mapToObj(i -> "def route_" + i + "():\n    return " + (i < changed ? tag : "'up'")
        + "\n").collect(Collectors.joining());
  }

  @BeforeAll
  void build(@TempDir Path tmp) {
    env = TestEnv.isolated(tmp.resolve("home"));
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("lib/router.py", router("'up'", 0)).write("lib/utils.py", "# recieve the value\nX = 1\n")
        .commit("base");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.git("switch", "-q", "-c", "fork/stable");
    fork.write("lib/utils.py", "# receive the value\nX = 1\n").commit("utils: fix typo");
    typoSha = fork.git("rev-parse", "--short", "HEAD").strip();
    fork.git("branch", "pr/fix-typo");
    fork.write("forkstate.yml", CONFIG).write(".gitignore", "STATE_OF_PROJECT.md*\n").commit("forkstate config");
    fork.write("lib/router.py", router("'fork'", 25)).commit("router: fork seam");
    fork.write("extras/cache.py", "CACHE = {}\n").commit("extras: cache");
    String base = fork.git("merge-base", "HEAD", "upstream/main").strip();
    fork.git("switch", "-q", "-c", "pr/conflict", base);
    fork.write("lib/router.py", router("'pr'", 3)).commit("router: small pr change");
    fork.git("switch", "-q", "-c", "pr/old-docs", base);
    fork.write("docs/old.md", "# old\n").commit("docs: old page");

    // Upstream, 45 days later: takes the typo fix as its own commit, and rewrites the router's first lines.
    GitScript later = new GitScript(up.dir(), env, 45 * DAY_TICKS);
    later.write("lib/utils.py", "# receive the value\nX = 1\n").commit("Fix typo in utils");
    later.write("lib/router.py", router("'upstream-new'", 5)).commit("router: new defaults");
    fork.git("fetch", "-q", "upstream");
    GitScript fresh = new GitScript(fork.dir(), env, 45 * DAY_TICKS + 10);
    fresh.git("switch", "-q", "-c", "pr/clean", "upstream/main");
    fresh.write("docs/new.md", "# new\n").commit("docs: new page");
    fresh.git("branch", "pr/empty", "upstream/main");
    fresh.git("switch", "-q", "fork/stable");

    forkDir = fork.dir();
    GenerateResult r = new GenerateReport().run(new GenerateRequest(fork.dir(), null, GenerateRequest.Format.MD, true,
        null, env));
    facts = new FactSet(r.report().facts());
    md = r.rendered();
  }

  private Fact fact(FactId id) {
    return facts.get(id).orElseThrow(() -> new AssertionError("no fact " + id));
  }

  private static List<String> items(Fact f) {
    return Shown.items(f.value());
  }

  @Test
  void aCherryPickedCommitCountsAsAlreadyUpstream() {
    Fact upstreamed = fact(FactIds.UPSTREAM_PATCHES_UPSTREAMED);
    assertThat(items(upstreamed)).containsExactly("`" + typoSha + "` utils: fix typo");
    assertThat(upstreamed.summary()).startsWith("1 of 4 non-merge fork commits already upstream");
    Fact own = fact(FactIds.UPSTREAM_PATCHES_FORK_ONLY);
    assertThat(own.summary()).isEqualTo("3 of 4 non-merge fork commits are fork-only (no equivalent patch upstream, "
        + "and their files are not already upstream)");
    // extras/ and lib/ hold the files themselves: said so, so `lib/` is not read as everything under lib/.
    assertThat(items(own)).containsExactly("`(root)`: 1 commit", "`extras/` (files directly in it): 1 commit",
        "`lib/` (files directly in it): 1 commit");
    assertThat(md).contains("those commits by area: commits touching each area (a commit may touch several):");
    assertThat(own.command()).isEqualTo("git cherry -v upstream/main HEAD");
  }

  @Test
  void aConflictInAHeavilyEditedFileIsAFailLevelRisk() {
    Fact preview = fact(FactIds.UPSTREAM_MERGE_PREVIEW);
    assertThat(preview.status()).isEqualTo(Status.FAIL);
    assertThat(items(preview)).containsExactly("`lib/router.py` (content; fork changed 50 lines)");
    assertThat(preview.command()).isEqualTo("git merge-tree --write-tree --name-only HEAD upstream/main");
    // In full (with its command) once, under Next steps; the risk links there.
    assertThat(md).contains("**FAIL** `upstream.merge-preview` merging `upstream/main` into the fork conflicts in 1 "
        + "file, 1 of them heavily changed by the fork (20+ lines)");
    // The risk says the drift and the conflicts merging it brings in one bullet.
    assertThat(md).contains("**FAIL** Drift: 2 upstream commits not merged; merging `upstream/main` into the fork "
        + "conflicts in 1 file");
    assertThat(fact(FactIds.UPSTREAM_MERGE_BASE_AGE).summary()).matches("merge-base [0-9a-f]{12} is from 2026-01-01, 0 "
        + "days before HEAD \\(2026-01-01\\)");
  }

  @Test
  void prBranchesAreClassified() {
    Fact typo = fact(FactIds.pr("pr-fix-typo"));
    assertThat(typo.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(typo)).isEqualTo("`pr/fix-typo`: landed upstream; delete the branch");
    assertThat(items(typo)).contains("all its patches are already upstream")
        .anyMatch(i -> i.endsWith("merged into `fork/stable`"));
    Fact conflict = fact(FactIds.pr("pr-conflict"));
    assertThat(conflict.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(conflict)).isEqualTo("`pr/conflict`: conflicts with `upstream/main`: rebase it");
    assertThat(items(conflict)).contains("conflicts with `upstream/main` in `lib/router.py` (content)");
    Fact clean = fact(FactIds.pr("pr-clean"));
    assertThat(clean.status()).isEqualTo(Status.PASS);
    assertThat(Shown.summary(clean)).isEqualTo("`pr/clean`: ready: 1 commit, 1 file (+1 -0), merges cleanly into `upstream/main`");
    assertThat(items(clean)).contains("1 ahead, 0 behind `upstream/main`");
    assertThat(md).contains("  - PR branches (`pr/*`):").contains("- **WARN** PR branch: `pr/conflict`: conflicts");
    Fact empty = fact(FactIds.pr("pr-empty"));
    assertThat(empty.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(empty)).isEqualTo("`pr/empty`: no commit of its own (0 ahead of `upstream/main`): nothing to propose; delete it");
  }

  @Test
  void aBranchFarBehindUpstreamIsStaleAndOldGitIsUnknownNotClean() {
    Fact old = fact(FactIds.pr("pr-old-docs"));
    assertThat(old.status()).isEqualTo(Status.WARN);
    assertThat(Shown.summary(old)).isEqualTo("`pr/old-docs`: stale: rebase or close it");
    assertThat(items(old)).contains("stale: its last commit is 44 days older than `upstream/main`",
        "merges cleanly into `upstream/main`");
    assertThat(UpstreamabilityCollector.supportsMergeTree("git version 2.37.1")).isFalse();
    assertThat(UpstreamabilityCollector.supportsMergeTree("git version 2.38.0")).isTrue();
    assertThat(UpstreamabilityCollector.supportsMergeTree("git version 2.45.1.windows.1")).isTrue();
    assertThat(UpstreamabilityCollector.supportsMergeTree("nonsense")).isFalse();
    MergePreview p = MergePreview.of(null, "HEAD", "upstream/main", false);
    assertThat(p.outcome()).isEqualTo(MergePreview.Outcome.UNKNOWN);
    assertThat(p.why()).isEqualTo("git merge-tree --write-tree needs git 2.38 or newer");
  }

  /** The collectors only measure: what the judge weighs (line counts, patch counts, days) is in the values. */
  @Test
  void theCollectorsMeasureWhatThePoliciesJudge() {
    FactSet measured = Collecting.run(new UpstreamabilityCollector(), forkDir, CONFIG, env, true);
    Fact preview = measured.get(FactIds.UPSTREAM_MERGE_PREVIEW).orElseThrow();
    assertThat(preview.status()).isEqualTo(Status.INFO);
    assertThat(preview.value()).isEqualTo(new Value.Conflicts(List.of(new Value.Conflict("lib/router.py",
        List.of(ConflictKind.CONTENT), 50))));
    FactSet branches = Collecting.run(new PrBranchCollector(), forkDir, CONFIG, env, true);
    assertThat(branches.withPrefix(FactIds.PR_PREFIX)).extracting(Fact::status).containsOnly(Status.INFO);
    Value.Branch old = (Value.Branch) branches.get("pr.pr-old-docs").orElseThrow().value();
    assertThat(old.lagDays()).isEqualTo(44);
    assertThat(old.merge()).isEqualTo(Value.Merge.CLEAN);
    assertThat(old.lines()).noneMatch(l -> l.plain().startsWith("stale"));
    Value.Branch typo = (Value.Branch) branches.get("pr.pr-fix-typo").orElseThrow().value();
    assertThat(typo.patches()).isEqualTo(1);
    assertThat(typo.ownPatches()).isZero();
  }

  @Test
  void aCleanMergeAndTheLastUpstreamMergeAreReported(@TempDir Path tmp) {
    GitScript[] repos = Repos.fork(tmp, env);
    GitScript fork = repos[1];
    fork.write("forkstate.yml", CONFIG).commit("config");
    FactSet before = generate(fork.dir());
    assertThat(before.get(FactIds.UPSTREAM_MERGE_PREVIEW).orElseThrow().status()).isEqualTo(Status.PASS);
    assertThat(before.get(FactIds.UPSTREAM_LAST_MERGE).orElseThrow().summary())
        .isEqualTo("upstream was never merged into the fork since it was cut (2026-01-01)");
    fork.git("merge", "-q", "--no-edit", "--no-ff", "upstream/main");
    Fact last = generate(fork.dir()).get(FactIds.UPSTREAM_LAST_MERGE).orElseThrow();
    assertThat(Shown.summary(last)).startsWith("upstream last merged into the fork on 2026-01-01 (`");
  }

  /** The newest merge took in a fork branch, not upstream: the last upstream merge is the older one. */
  @Test
  void aMergeOfAForkBranchIsNotAnUpstreamMergeThoughItIsNewer(@TempDir Path tmp) {
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.write("forkstate.yml", CONFIG).commit("config");
    String branch = fork.git("branch", "--show-current").strip();
    fork.git("merge", "-q", "--no-edit", "--no-ff", "upstream/main");
    String upstreamMerge = fork.git("rev-parse", "HEAD").strip();
    fork.git("switch", "-q", "-c", "feature");
    fork.write("feature.txt", "x\n").commit("feature");
    fork.git("switch", "-q", branch);
    fork.write("other.txt", "y\n").commit("other");
    fork.git("merge", "-q", "--no-edit", "--no-ff", "feature");
    Fact last = generate(fork.dir()).get(FactIds.UPSTREAM_LAST_MERGE).orElseThrow();
    assertThat(Shown.summary(last)).startsWith("upstream last merged into the fork on ")
        .contains(upstreamMerge.substring(0, 12));
  }

  private FactSet generate(Path repo) {
    return new FactSet(new GenerateReport().run(new GenerateRequest(repo, "-", GenerateRequest.Format.MD, true,
        null, env)).report().facts());
  }

  /** GitHub's pulls and reviews endpoints, served by WireMock on 127.0.0.1 with the documented payload shapes. */
  @Test
  void pullRequestStatesComeFromTheGitHubApi(@TempDir Path tmp) throws Exception {
    WireMockServer github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    GitScript g = new GitScript(forkDir, env, 0);
    String upstreamUrl = g.git("remote", "get-url", "upstream").strip();
    try {
      g.git("remote", "set-url", "upstream", "https://github.com/BerriAI/litellm.git");
      g.git("remote", "add", "origin", "git@github.com:forkowner/litellm.git");
      Path config = tmp.resolve("forkstate.yml");
      java.nio.file.Files.writeString(config, CONFIG + "ci:\n  api_url: http://127.0.0.1:" + github.port() + "\n");
      String pulls = "/repos/BerriAI/litellm/pulls";
      github.stubFor(get(urlPathEqualTo(pulls)).withQueryParam("head", equalTo("forkowner:pr/clean"))
          .willReturn(aResponse().withHeader("Content-Type", "application/json")
              .withBodyFile("github/pulls-open-draft.json")));
      github.stubFor(get(urlPathEqualTo(pulls + "/1347/reviews")).willReturn(aResponse()
          .withHeader("Content-Type", "application/json").withBodyFile("github/reviews-changes-requested.json")));
      github.stubFor(get(urlPathEqualTo(pulls)).withQueryParam("head", equalTo("forkowner:pr/fix-typo"))
          .willReturn(aResponse().withHeader("Content-Type", "application/json")
              .withBodyFile("github/pulls-merged.json")));
      github.stubFor(get(urlPathEqualTo(pulls)).withQueryParam("head", equalTo("forkowner:pr/conflict"))
          .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));

      FactSet online = new FactSet(new GenerateReport().run(new GenerateRequest(forkDir, "-",
          GenerateRequest.Format.MD, false, config, env)).report().facts());
      Fact clean = online.get("pr.pr-clean.pull").orElseThrow();
      assertThat(Shown.summary(clean)).isEqualTo("`pr/clean`: PR #1347 open (draft), changes requested "
          + "https://github.com/BerriAI/litellm/pull/1347");
      assertThat(clean.status()).isEqualTo(Status.WARN);
      assertThat(Shown.summary(online.get("pr.pr-fix-typo.pull").orElseThrow()))
          .isEqualTo("`pr/fix-typo`: PR #1201 merged https://github.com/BerriAI/litellm/pull/1201");
      assertThat(Shown.summary(online.get("pr.pr-conflict.pull").orElseThrow()))
          .isEqualTo("`pr/conflict`: no pull request upstream yet");
      assertThat(clean.command()).isEqualTo("gh pr list --repo BerriAI/litellm --head pr/clean --state all");

      github.resetAll();
      github.stubFor(get(urlPathEqualTo(pulls)).willReturn(aResponse().withStatus(502)));
      Fact failed = new FactSet(new GenerateReport().run(new GenerateRequest(forkDir, "-",
          GenerateRequest.Format.MD, false, config, env)).report().facts()).get("pr.pr-clean.pull").orElseThrow();
      assertThat(failed.status()).isEqualTo(Status.UNKNOWN);
      assertThat(failed.reason()).contains("502");

      Fact offline = new FactSet(new GenerateReport().run(new GenerateRequest(forkDir, "-",
          GenerateRequest.Format.MD, true, config, env)).report().facts()).get(FactIds.PR_PULLS).orElseThrow();
      assertThat(offline.status()).isEqualTo(Status.SKIPPED);
    } finally {
      g.git("remote", "set-url", "upstream", upstreamUrl);
      g.git("remote", "remove", "origin");
      github.stop();
    }
  }
}
