package dev.forkstate.app;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.CollectorBoundary;
import dev.forkstate.collect.ci.CiRunCollector;
import dev.forkstate.collect.ci.GitHubToken;
import dev.forkstate.collect.ci.PullRequestCollector;
import dev.forkstate.collect.ci.WorkflowCollector;
import dev.forkstate.collect.git.GitStateCollector;
import dev.forkstate.collect.happypath.CapabilityCollector;
import dev.forkstate.collect.happypath.CopyPasteCollector;
import dev.forkstate.collect.happypath.HappyPathCollector;
import dev.forkstate.collect.metrics.MetricsCollector;
import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.collect.smoke.LiveCheckCollector;
import dev.forkstate.collect.smoke.SmokeCollector;
import dev.forkstate.collect.upstream.CommittedSecretsCollector;
import dev.forkstate.collect.upstream.PrBranchCollector;
import dev.forkstate.collect.upstream.UpstreamCollector;
import dev.forkstate.collect.upstream.UpstreamabilityCollector;
import dev.forkstate.exec.Await;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.fact.Fact;
import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Which collectors run, in which phase. Three phases. Read-only git collectors first, in parallel, so the
 * working-tree snapshot is taken before any test runs (a test that writes a file would otherwise make the untracked
 * count depend on timing). Then the smokes, the live check and CI, in parallel with each other. Last, what reads the
 * facts so far: the copy-paste rule (their commands) and the capabilities (the smokes' outcomes). Within a phase,
 * results are joined in the order listed here.
 */
final class CollectorPlan {
  static final Duration GITHUB_TIMEOUT = Duration.ofSeconds(20);

  /** A phase: what the progress line says, and its collectors, given the facts of the phases before it. */
  private record Phase(String step, Function<List<Fact>, List<Collector>> collectors) {}

  private final CollectContext ctx;
  private final ExecutorService pool;

  private final Redactor redactor;

  /** @param redactor the run's: a token forkstate obtains while collecting is added to it */
  CollectorPlan(CollectContext ctx, ExecutorService pool, Redactor redactor) {
    this.ctx = ctx;
    this.pool = pool;
    this.redactor = redactor;
  }

  private GitHubToken githubToken() {
    return rememberedToken(ctx.runner(), ctx.repo(), redactor);
  }

  /** The GitHub token for the API calls, added to the run's redactor: `gh auth token` prints it into no variable. */
  static GitHubToken rememberedToken(CommandRunner runner, Path repo, Redactor redactor) {
    GitHubToken token = GitHubToken.find(runner.baseEnv(), runner, repo);
    token.value().ifPresent(redactor::remember);
    return token;
  }

  private List<Phase> phases() {
    return List.of(
        new Phase("measuring git, upstream, workflow and the Python changes", sofar -> List.of(
            new GitStateCollector(), new UpstreamCollector(), new ReferenceCollector(CitedPaths.of(ctx.settings())),
            new WorkflowCollector(), new HappyPathCollector(), new UpstreamabilityCollector(),
            new PrBranchCollector(), new CommittedSecretsCollector())),
        new Phase("running the smokes" + (ctx.offline() ? "" : ", the live check and the CI and PR lookups"),
            sofar -> List.of(new SmokeCollector(), new LiveCheckCollector(),
                new CiRunCollector(api -> githubToken(), GITHUB_TIMEOUT),
                new PullRequestCollector(api -> githubToken(), GITHUB_TIMEOUT),
                new MetricsCollector())),
        // What reads the others' facts (their commands, the smokes' test outcomes).
        new Phase("checking commands and capabilities", sofar -> List.of(new CopyPasteCollector(sofar),
            new CapabilityCollector(sofar))));
  }

  /** Every phase in turn; the facts in phase order, within a phase in collector order. */
  List<Fact> run(Progress progress) {
    List<Fact> facts = new ArrayList<>();
    for (Phase phase : phases()) {
      progress.step(phase.step());
      facts.addAll(runAll(phase.collectors().apply(List.copyOf(facts))));
      // What the phase's commands left (a daemon) is ended now, while the next phase (or the report) is built; a test
      // the next phase runs starts only once it is gone (CommandRunner.run waits for it).
      CommandRunner.sweepSoon();
    }
    return facts;
  }

  /** The phase's collectors in parallel, each behind the error boundary (a crash becomes UNKNOWN facts). */
  private List<Fact> runAll(List<Collector> collectors) {
    boolean trace = "1".equals(ctx.runner().baseEnv().get("FORKSTATE_TRACE"));
    List<CompletableFuture<List<Fact>>> futures = collectors.stream()
        .map(c -> CompletableFuture.supplyAsync(() -> {
          long t0 = System.nanoTime();
          List<Fact> facts = CollectorBoundary.run(c, ctx);
          if (trace) {
            System.err.printf("forkstate: trace   %-16s %4d ms%n", c.name(), (System.nanoTime() - t0) / 1_000_000);
          }
          return facts;
        }, pool)).toList();
    List<Fact> out = new ArrayList<>();
    for (CompletableFuture<List<Fact>> f : futures) {
      out.addAll(Await.join(f));
    }
    return out;
  }
}
