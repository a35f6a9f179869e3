package dev.forkstate.exec;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What must not outlive forkstate, ended on every way out of the JVM (normal end, exit, SIGTERM, SIGINT; a SIGKILL
 * cannot be caught): first every command still running, and every finished one whose leftovers were not swept yet
 * ({@link LeftoverSweeper}), is killed with all it started ({@link ProcessTree}), then
 * the registered cleanups run (temp folders), in that order, so no process is still writing into a folder being
 * removed. One shutdown hook, so the order holds.
 */
public final class ExitCleanup {
  private static final Set<ProcessTree> RUNNING = ConcurrentHashMap.newKeySet();
  private static final List<Runnable> CLEANUPS = new CopyOnWriteArrayList<>();
  /** Set once the JVM is going away: what starts after it (the next smoke run of a loop) is ended at once. */
  private static boolean closing;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::runAll, "forkstate-exit-cleanup"));
  }

  private ExitCleanup() {}

  static void started(ProcessTree tree) {
    synchronized (ExitCleanup.class) {
      if (!closing) {
        RUNNING.add(tree);
        return;
      }
    }
    tree.kill();
  }

  static void ended(ProcessTree tree) {
    RUNNING.remove(tree);
  }

  /**
   * Runs {@code cleanup} when the JVM exits, unless {@link #forget} is called first (the owner cleaned up). Once the
   * JVM is exiting it runs at once and false is returned: the caller must not go on using what it cleaned.
   */
  public static boolean onExit(Runnable cleanup) {
    synchronized (ExitCleanup.class) {
      if (!closing) {
        CLEANUPS.add(cleanup);
        return true;
      }
    }
    cleanup.run();
    return false;
  }

  public static void forget(Runnable cleanup) {
    CLEANUPS.remove(cleanup);
  }

  private static void runAll() {
    synchronized (ExitCleanup.class) {
      closing = true;
    }
    ProcessTree.endAll(List.copyOf(RUNNING)); // one scan of /proc for all of them
    CLEANUPS.forEach(c -> {
      try {
        c.run();
      } catch (RuntimeException ignored) {
        // The JVM is going away; one failed cleanup must not stop the others.
      }
    });
  }
}
