package dev.forkstate.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.collect.ci.PullRequestCollector;
import dev.forkstate.collect.git.GitStateCollector;
import dev.forkstate.collect.upstream.PrBranchCollector;
import dev.forkstate.collect.upstream.UpstreamCollector;
import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.DetectionNeeds;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.config.Settings;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.collect.detect.ProjectDetector;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collectors asking the same git query at once get one git process and the same answer. */
class SharedQueriesTest {
  @TempDir
  Path tmp;

  private Path log;

  /** The fork's environment with a git on the PATH that logs its arguments, then runs the real one. */
  private Map<String, String> logged(Map<String, String> env) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    log = tmp.resolve("calls.txt");
    Path wrapper = bin.resolve("git");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nPATH='" + env.get("PATH")
        + "' exec git \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> logged = new HashMap<>(env);
    logged.put("PATH", bin + ":" + env.get("PATH"));
    return logged;
  }

  @Test
  void oneProcessPerRefHoweverManyAskAtOnce() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript fork = Repos.fork(tmp, env)[1];
    SharedQueries bases = new SharedQueries(new GitCli(fork.dir(), new CommandRunner(logged(env), Redactor.none())));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<CommandResult>> asks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        asks.add(CompletableFuture.supplyAsync(() -> bases.mergeBase("upstream/main"), pool));
        asks.add(CompletableFuture.supplyAsync(bases::shallow, pool));
      }
      CommandResult first = asks.get(0).join();
      CommandResult shallow = asks.get(1).join();
      assertThat(first.ok()).isTrue();
      assertThat(shallow.stdout()).isEqualTo("false\n");
      for (int i = 0; i < asks.size(); i++) {
        assertThat(asks.get(i).join()).isSameAs(i % 2 == 0 ? first : shallow);
      }
      assertThat(bases.mergeBase("upstream/main")).isSameAs(first);
      assertThat(bases.mergeBase("no-such-ref").ok()).isFalse();
      assertThat(bases.mergeBase("no-such-ref")).isSameAs(bases.mergeBase("no-such-ref")); // a failure is kept too
      assertThat(bases.run(List.of("rev-parse", "--is-shallow-repository"))).isSameAs(shallow);
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readAllLines(log)).containsExactlyInAnyOrder("merge-base HEAD upstream/main",
        "rev-parse --is-shallow-repository", "merge-base HEAD no-such-ref");
  }

  /**
   * The git state and the upstream drift both read the shallow probe, the PR branches and the PR lookups both list
   * the PR refs: one process each per run, and every fact built on them shows the command as if it had run it.
   */
  @Test
  void collectorsOfOneRunShareTheShallowProbeAndThePrListing() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.git("branch", "pr/one");
    fork.git("branch", "pr/two", "upstream/main");
    CommandRunner runner = new CommandRunner(logged(env), Redactor.none());
    GitCli git = new GitCli(fork.dir(), runner);
    ForkstateConfig cfg = new ConfigLoader().parse("fork_branch: fork/stable\nupstream_ref: upstream/main\n"
        + "smokes: []\n", "forkstate.yml");
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Fact> facts = new ArrayList<>();
    try {
      Settings settings = SettingsResolver.resolve(cfg,
          ProjectDetector.detect(fork.dir(), git, pool, DetectionNeeds.forSettings(cfg)));
      Files.deleteIfExists(log);
      CollectContext ctx = new CollectContext(fork.dir(), settings, runner, true, git, pool, List.of());
      List<CompletableFuture<List<Fact>>> runs = List.of(new GitStateCollector(), new UpstreamCollector(),
          new PrBranchCollector(), new PullRequestCollector(api -> null, java.time.Duration.ofSeconds(1))).stream()
          .map(c -> CompletableFuture.supplyAsync(() -> c.collect(ctx), pool)).toList();
      runs.forEach(r -> facts.addAll(r.join()));
    } finally {
      pool.shutdownNow();
    }
    List<String> calls = Files.readAllLines(log);
    assertThat(calls).containsOnlyOnce("rev-parse --is-shallow-repository",
        "for-each-ref --format=%(refname) refs/heads/pr/* refs/remotes/*/pr/*");
    Evidence shallow = fact(facts, FactIds.GIT_SHALLOW).evidence().get(0);
    assertThat(shallow.command()).isEqualTo("git rev-parse --is-shallow-repository");
    assertThat(shallow.excerpt()).isEqualTo("false");
    assertThat(fact(facts, FactIds.pr("pr/one")).value().toString()).contains("pr/one");
    assertThat(fact(facts, FactIds.pr("pr/two"))).isNotNull();
    assertThat(fact(facts, FactIds.PR_PULLS).reasonPhrase().toString()).contains("offline");
  }

  /**
   * When the first caller's run fails (here: it is interrupted), a caller waiting for it gets the same exception, as
   * thrown, and the failure is not remembered: the next caller runs git again.
   */
  @Test
  void aWaitingCallerGetsTheFirstCallersFailureAsThrownAndItIsNotRemembered() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("slow-git"));
    Path started = tmp.resolve("started");
    Path fake = bin.resolve("git");
    Files.writeString(fake, "#!/bin/sh\nif [ -e '" + started + "' ]; then echo false; exit 0; fi\n: > '" + started
        + "'\nsleep 30\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = new HashMap<>(TestEnv.isolated(tmp.resolve("home")));
    env.put("PATH", bin + ":" + env.get("PATH"));
    SharedQueries queries = new SharedQueries(new GitCli(tmp, new CommandRunner(env, Redactor.none())));
    CompletableFuture<Throwable> firstFailure = new CompletableFuture<>();
    Thread first = askShallowOnItsOwnThread(queries, firstFailure);
    for (int i = 0; i < 1000 && !Files.exists(started); i++) {
      Thread.sleep(10);
    }
    CompletableFuture<Throwable> waiterFailure = new CompletableFuture<>();
    Thread waiter = askShallowOnItsOwnThread(queries, waiterFailure);
    for (int i = 0; i < 1000 && waiter.getState() != Thread.State.WAITING; i++) {
      Thread.sleep(10);
    }
    first.interrupt();
    Throwable thrown = firstFailure.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
    assertThat(waiterFailure.get(30, java.util.concurrent.TimeUnit.SECONDS)).isSameAs(thrown);
    // Not remembered: asked again, git runs again (the fake answers at once the second time).
    assertThat(queries.shallow().stdout().strip()).isEqualTo("false");
  }

  /** Starts a thread that asks the shallow query and completes {@code failure} with what it threw (null: nothing). */
  private static Thread askShallowOnItsOwnThread(SharedQueries queries, CompletableFuture<Throwable> failure) {
    Thread t = new Thread(() -> {
      try {
        queries.shallow();
        failure.complete(null);
      } catch (Throwable e) {
        failure.complete(e);
      }
    });
    t.start();
    return t;
  }

  private static Fact fact(List<Fact> facts, dev.forkstate.fact.FactId id) {
    return facts.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }
}
