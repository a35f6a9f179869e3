package dev.forkstate.collect;

import dev.forkstate.fact.Fact;
import java.util.List;

/**
 * Runs one collector so that its bug costs only its own facts: an exception becomes UNKNOWN facts for the ids the
 * collector stands for, with the reason, and the report is still written. The exception's class and message are
 * kept (they say what broke); the stack trace goes to stderr only when FORKSTATE_TRACE=1.
 */
public final class CollectorBoundary {
  private CollectorBoundary() {}

  public static List<Fact> run(Collector collector, CollectContext ctx) {
    try {
      return collector.collect(ctx);
    } catch (RuntimeException | StackOverflowError e) {
      if ("1".equals(ctx.runner().baseEnv().get("FORKSTATE_TRACE"))) {
        e.printStackTrace();
      }
      // A collector that runs its commands side by side gets its bug wrapped by the future it joined: name the bug.
      Throwable bug = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      String why = "forkstate's " + collector.name() + " measurement failed (" + bug.getClass().getSimpleName()
          + (bug.getMessage() == null ? "" : ": " + firstLine(bug.getMessage())) + "); this is a bug in forkstate, "
          + "please report it with FORKSTATE_TRACE=1 output";
      return collector.failureIds().stream().map(id -> Fact.unknown(id, why)).toList();
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
