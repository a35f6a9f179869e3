package dev.forkstate.collect;

import dev.forkstate.exec.CommandResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code git merge-base HEAD <ref>}, run once per ref for a whole run, however many collectors ask (the upstream
 * drift, the tags, the Python changes and the upstreamability facts all start from it). The first caller runs it;
 * callers that ask meanwhile wait for that answer rather than start the same walk of the history again. Every caller
 * gets the same result, so the facts built on it show the same command and output.
 */
public final class MergeBases {
  private final GitCli git;
  private final ConcurrentMap<String, CompletableFuture<CommandResult>> runs = new ConcurrentHashMap<>();

  public MergeBases(GitCli git) {
    this.git = git;
  }

  /** The merge-base of HEAD and {@code ref}, as git answered (a failed run is remembered as failed, too). */
  public CommandResult of(String ref) {
    CompletableFuture<CommandResult> mine = new CompletableFuture<>();
    CompletableFuture<CommandResult> first = runs.putIfAbsent(ref, mine);
    if (first != null) {
      return first.join();
    }
    try {
      mine.complete(git.run("merge-base", "HEAD", ref));
    } catch (RuntimeException e) {
      // Not remembered: an interrupted run says nothing about the repository; the next caller asks git again.
      runs.remove(ref, mine);
      mine.completeExceptionally(e);
      throw e;
    }
    return mine.join();
  }
}
