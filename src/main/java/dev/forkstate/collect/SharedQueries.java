package dev.forkstate.collect;

import dev.forkstate.exec.Await;
import dev.forkstate.exec.CommandResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The git queries that several collectors ask in one run, each run once per run however many ask:
 * {@code git merge-base HEAD <ref>} (the upstream drift, the tags, the Python changes and the upstreamability facts
 * all start from it), {@code git rev-parse --is-shallow-repository} (the git state and the upstream drift) and the
 * PR branches' {@code git for-each-ref} (their collector and the PR lookups). The first caller runs it; callers that
 * ask meanwhile wait for that answer rather than start the same process again. Every caller gets the same result,
 * so the facts built on it show the same command and output as if each had run it. Nothing is kept across runs.
 */
public final class SharedQueries {
  private final GitCli git;
  private final ConcurrentMap<List<String>, CompletableFuture<CommandResult>> runs = new ConcurrentHashMap<>();

  public SharedQueries(GitCli git) {
    this.git = git;
  }

  /** The merge-base of HEAD and {@code ref}, as git answered (a failed run is remembered as failed, too). */
  public CommandResult mergeBase(String ref) {
    return run(List.of("merge-base", "HEAD", ref));
  }

  /** {@code git rev-parse --is-shallow-repository}: "true" on a shallow clone. */
  public CommandResult shallow() {
    return run(List.of("rev-parse", "--is-shallow-repository"));
  }

  /**
   * {@code git args...}, shown as such ({@link GitCli#run(String...)}), run by the first caller for these exact
   * arguments; a read-only query whose answer does not change while forkstate collects.
   */
  public CommandResult run(List<String> args) {
    List<String> key = List.copyOf(args);
    CompletableFuture<CommandResult> mine = new CompletableFuture<>();
    CompletableFuture<CommandResult> first = runs.putIfAbsent(key, mine);
    if (first != null) {
      return Await.join(first);
    }
    try {
      mine.complete(git.run(key, null));
    } catch (RuntimeException | Error e) {
      // Not remembered: an interrupted run says nothing about the repository; the next caller asks git again. The
      // callers already waiting get the same failure, as thrown (an Error too: none of them may wait for ever).
      runs.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
    return mine.join();
  }
}
