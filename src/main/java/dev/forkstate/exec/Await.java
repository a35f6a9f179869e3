package dev.forkstate.exec;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for work a run moved to another thread (its pool, another caller's query) and gives back its result, or
 * throws what the work threw as the work threw it (a runtime exception or an error, not wrapped): moved work fails
 * the run as it did when it ran in line. Here, beside the processes, because the collectors and the app both wait.
 */
public final class Await {
  private Await() {}

  public static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Waits for the work to end, whatever it gave: on a way out, so nothing runs on after the run. */
  public static void settle(CompletableFuture<?> f) {
    if (f != null) {
      f.exceptionally(e -> null).join();
    }
  }
}
