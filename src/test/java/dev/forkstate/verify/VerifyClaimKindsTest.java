package dev.forkstate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.VerifyReport;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.error.ExitCode;
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
 * Every kind of claim a real report makes, in one fixture fork with real refs: names resolved before they are judged
 * (branch, remote-tracking branch, tag, module path), Python code read by the scanner, branch and PR claims against
 * the refs, a workflow said green whose tests were never committed, and confident prose with and without --run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyClaimKindsTest {
  Path tmp;
  Map<String, String> env;
  GitScript repo;

  @BeforeAll
  void fixture(@TempDir Path dir) {
    tmp = dir;
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("fork"), env, 0).init();
    repo.write("pkg/__init__.py", "").write("pkg/core.py", "def core():\n    return 1\n")
        .write("requirements.txt", "requests\n").commit("upstream base");
    repo.git("update-ref", "refs/remotes/upstream/main", "HEAD");
    repo.git("branch", "pr/empty"); // a "prepared PR" with no commit of its own
    repo.git("switch", "-q", "-c", "pr/good");
    repo.write("pkg/core.py", "def core():\n    return 2\n").commit("fix core");
    repo.git("switch", "-q", "main");
    repo.git("switch", "-q", "-c", "feat/draft");
    repo.write("pkg/draft.py", "X = 1\n").commit("draft wiring");
    repo.git("switch", "-q", "main");
    repo.git("merge", "-q", "--no-ff", "-m", "merge the draft", "feat/draft");
    repo.git("rm", "-q", "requirements.txt"); // the fork deletes a file upstream has
    repo.write("pkg/extras/__init__.py", "")
        .write("pkg/extras/cache.py", "def configure_cache_redis(router, ttl=60):\n    return router\n")
        .write("pkg/router.py", """
            import os as _os


            class Router:
                def __init__(self, model_list=None, cache_kwargs=None):
                    self.mode = _os.getenv("PKG_ROUTER_CORE", "legacy")
                    if self.mode == "extracted":
                        self.mode = "extracted"
            """)
        .write("tests/test_ok.py", "def test_ok():\n    assert True\n")
        .write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - run: pytest -q tests/test_ok.py\n")
        .write(".github/workflows/ghost.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - run: PYTHONPATH=$(pwd) pytest -q tests/smoke/test_ghost.py tests/smoke/test_gone.py\n")
        .write("forkstate.yml", "fork_branch: main\nupstream_ref: upstream/main\nsmokes:\n  - name: smokes\n"
            + "    command: pytest -q tests\n")
        .commit("fork work");
    repo.git("update-ref", "refs/remotes/origin/fork/stable", "HEAD");
    repo.git("tag", "fork/v1.0");
    repo.git("switch", "-q", "-c", "feat/open");
    repo.write("pkg/open.py", "Y = 1\n").commit("open work");
    repo.git("switch", "-q", "main");
  }

  private VerifyReport.Result verify(String name, String text, boolean run) throws Exception {
    Path report = tmp.resolve(name);
    Files.writeString(report, text);
    return new VerifyReport().run(new VerifyReport.Request(repo.dir(), report, false, run, null, env));
  }

  /** "line kind subject verdict" for every claim, to assert on one line at a time. */
  private static Map<Integer, List<String>> byLine(VerifyReport.Result r) {
    return r.claims().stream().collect(Collectors.groupingBy(c -> c.claim().line(), java.util.TreeMap::new,
        Collectors.mapping(c -> c.claim().subject() + " " + c.verdict(), Collectors.toList())));
  }

  private static String evidence(VerifyReport.Result r, String subject) {
    return r.claims().stream().filter(c -> c.claim().subject().equals(subject)).findFirst().orElseThrow()
        .evidence().plain();
  }

  private static CheckedClaim on(VerifyReport.Result r, int line, Claim.Kind kind) {
    return r.claims().stream().filter(c -> c.claim().line() == line && c.claim().kind() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " claim on line " + line + ": " + byLine(r)));
  }

  @Test
  void refsAndModulePathsResolveBeforeTheyAreJudgedAndUnknownKindsAreNoClaims() throws Exception {
    VerifyReport.Result r = verify("names.md", """
        # Notes
        - Ship from `fork/stable` (also `origin/fork/stable`), tag `fork/v1.0`, work on `feat/open`.
        - Module `extras/cache`; the cache helper lives in pkg/extras/cache.py.
        - Cited: `extras/nope` and `docs/never_committed.md`; branch `origin/feat/gone`.
        - Providers `anthropic/` and `openai/gpt-4o-mini`; errors `400 INVALID_ARGUMENT`; action `actions/checkout@v4`.
        """, false);
    Map<Integer, List<String>> lines = byLine(r);
    assertThat(lines.get(2)).containsExactlyInAnyOrder("fork/stable TRUE", "origin/fork/stable TRUE",
        "fork/v1.0 TRUE", "feat/open TRUE");
    assertThat(evidence(r, "fork/stable")).isEqualTo("a remote-tracking branch: remotes/origin/fork/stable");
    assertThat(evidence(r, "fork/v1.0")).isEqualTo("a tag: tags/fork/v1.0");
    assertThat(evidence(r, "feat/open")).isEqualTo("a branch: heads/feat/open");
    assertThat(lines.get(3)).containsExactlyInAnyOrder("extras/cache TRUE", "pkg/extras/cache.py TRUE");
    assertThat(evidence(r, "extras/cache")).isEqualTo("a Python module: pkg/extras/cache.py");
    assertThat(lines.get(4)).containsExactlyInAnyOrder("extras/nope FALSE", "docs/never_committed.md FALSE",
        "origin/feat/gone FALSE");
    assertThat(lines).doesNotContainKey(5); // a model prefix, an HTTP status and an action are not names here
    // Not a state report: no section or prompt is held against it.
    assertThat(r.claims()).noneMatch(c -> c.claim().kind() == Claim.Kind.SECTION
        || c.claim().kind() == Claim.Kind.PROMPT);
    assertThat(r.rendered()).contains("Not a state report");
  }

  @Test
  void pythonCodeClaimsAreReadByTheScannerWithFileAndLine() throws Exception {
    VerifyReport.Result r = verify("code.md", """
        # Notes
        - `extras/cache.configure_cache_redis(router, ...)` and `extras.cache.configure_cache_redis(r)`.
        - `extras/cache.configure_cache_missing(router)`.
        - `Router(..., cache_kwargs={})`.
        - `Router(..., router_core="legacy"|"extracted")`.
        - Canary with PKG_ROUTER_CORE=extracted, and `PKG_NOT_READ=1`.
        - `asyncio.run(main())` and `print(x)` are not this project's.
        """, false);
    Map<Integer, List<String>> lines = byLine(r);
    assertThat(lines.get(2)).containsOnly("extras/cache.configure_cache_redis(router, ...) TRUE",
        "extras.cache.configure_cache_redis(r) TRUE");
    assertThat(on(r, 2, Claim.Kind.SYMBOL).evidence().plain()).contains("pkg/extras/cache.py:1");
    assertThat(lines.get(3)).containsExactly("extras/cache.configure_cache_missing(router) FALSE");
    assertThat(on(r, 4, Claim.Kind.SYMBOL).verdict()).isEqualTo(Verdict.TRUE);
    CheckedClaim param = on(r, 5, Claim.Kind.SYMBOL);
    assertThat(param.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(param.evidence().plain()).contains("Router at pkg/router.py:4 has no parameter router_core");
    assertThat(param.command()).contains("git grep");
    assertThat(lines.get(6)).containsExactlyInAnyOrder("PKG_ROUTER_CORE=extracted TRUE", "PKG_NOT_READ=1 FALSE");
    assertThat(lines).doesNotContainKey(7);
  }

  @Test
  void branchAndPullRequestClaimsAreCheckedAgainstTheRefs() throws Exception {
    VerifyReport.Result r = verify("branches.md", """
        # Wiring
        - Branch: feat/draft (PR #6 on fork)
        - Status: Do not merge until canary parity passes.
        - Branch: `feat/open`
        - Status: do not merge yet.
        - Upstreamability: two safe PRs prepared (core fix, cleanup).
        """, false);
    CheckedClaim pr = on(r, 2, Claim.Kind.PULL_REQUEST);
    assertThat(pr.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(pr.command()).isEqualTo("gh pr view 6");
    CheckedClaim merged = on(r, 3, Claim.Kind.BRANCH_STATUS);
    assertThat(merged.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(merged.evidence().plain()).contains("feat/draft").contains("is already in HEAD");
    assertThat(merged.command()).startsWith("git merge-base --is-ancestor feat/draft HEAD");
    assertThat(on(r, 5, Claim.Kind.BRANCH_STATUS).verdict()).isEqualTo(Verdict.TRUE);
    CheckedClaim prs = on(r, 6, Claim.Kind.PRS_PREPARED);
    assertThat(prs.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(prs.evidence().plain()).contains("pr/empty").contains("no commit of its own against upstream/main");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECKS_NOT_PASSING);
  }

  @Test
  void aWorkflowSaidGreenWhoseTestsWereNeverCommittedIsFalse() throws Exception {
    VerifyReport.Result r = verify("ci.md", """
        # CI
        - CI: `.github/workflows/ghost.yml` runs smokes on push. Green on last run.
        - CI: `.github/workflows/ci.yml` runs the tests. Green on last run.
        """, false);
    CheckedClaim ghost = on(r, 2, Claim.Kind.CI_STATUS);
    assertThat(ghost.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(ghost.evidence().plain()).contains("2 paths not committed at HEAD")
        .contains("tests/smoke/test_ghost.py").contains("cannot be green");
    CheckedClaim ci = on(r, 3, Claim.Kind.CI_STATUS);
    assertThat(ci.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(ci.command()).isEqualTo("gh run list --workflow ci.yml --event push --limit 1");
  }

  /** A file the fork deleted is still a real name: upstream has it (a report lists it as deleted or conflicting). */
  @Test
  void aFileTheForkDeletedIsUpstreamsNotFalse() throws Exception {
    VerifyReport.Result r = verify("deleted.md", """
        # Notes
        - `requirements.txt` (modify/delete: the fork deleted it)
        - `nowhere/missing.txt` is committed
        """, false);
    CheckedClaim deleted = on(r, 2, Claim.Kind.PATH);
    assertThat(deleted.verdict()).isEqualTo(Verdict.TRUE);
    assertThat(deleted.evidence().plain()).isEqualTo("requirements.txt exists at upstream/main, not at HEAD");
    assertThat(on(r, 3, Claim.Kind.PATH).verdict()).isEqualTo(Verdict.FALSE);
  }

  @Test
  void confidentProseIsNeverTrueWithoutAMeasurement() throws Exception {
    String prose = """
        # Release notes
        - All smoke tests pass and CI is green.
        - Smokes: 250 passed, 0 failed.
        - The fork is 40% faster.
        """;
    VerifyReport.Result unrun = verify("prose.md", prose, false);
    assertThat(unrun.claims()).hasSize(3).allMatch(c -> c.verdict() == Verdict.UNVERIFIABLE);
    assertThat(unrun.exitCode()).as("exit 1 only for FALSE; the summary says nothing was shown true")
        .isEqualTo(ExitCode.OK);
    assertThat(unrun.rendered()).contains("3 claims: 0 TRUE, 0 FALSE, 3 UNVERIFIABLE (nothing could be verified)");
    assertThat(on(unrun, 2, Claim.Kind.PROSE_STATUS).evidence().plain()).contains("--run");

    VerifyReport.Result ran = verify("prose.md", prose, true);
    assertThat(on(ran, 2, Claim.Kind.PROSE_STATUS).verdict()).isEqualTo(Verdict.TRUE);
    CheckedClaim count = on(ran, 3, Claim.Kind.PROSE_STATUS);
    assertThat(count.verdict()).isEqualTo(Verdict.FALSE);
    assertThat(count.evidence().plain()).isEqualTo("says 250 passed; the configured smokes ran 1 passed, 0 failed");
    assertThat(on(ran, 4, Claim.Kind.PROSE_STATUS).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void anAccurateDocumentThatIsNotAStateReportPasses() throws Exception {
    VerifyReport.Result r = verify("ledger.md", """
        # Patch ledger
        - pkg/router.py — the router seam
        - pkg/extras/cache.py — redis helper
        - `tests/test_ok.py`
        """, false);
    assertThat(r.claims()).hasSize(3).allMatch(c -> c.verdict() == Verdict.TRUE);
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
  }
}
