package dev.forkstate.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends what commands that exited by themselves left behind (a background child, a daemon), off the commands' own
 * path: one thread sweeps /proc for every command finished since its last pass at once ({@link ProcessTree#endAll}),
 * and the command's slot is free meanwhile. Scanning /proc after each command, in its slot, cost more than the
 * command (one stat read per process on the machine, per command). A command that must leave nothing when its result
 * is returned (a smoke, a script: the next run may need the port a leftover server holds) {@link #await}s its sweep;
 * a git query does not wait (what git leaves, a daemon such as fsmonitor's, holds nothing a later query needs).
 *
 * <p>A pass costs a stat read per process on the machine (about 10 microseconds each, mostly the kernel's: 600
 * processes cost 6 ms), whatever the number of commands it serves, so passes are few: one when someone waits
 * ({@link #await}, {@link #settle()}), one when a stage ends ({@link #sweepSoon()}, without waiting for it), and
 * otherwise one at the latest {@link #LATEST_MS} after the first command of a batch finished. A run's git queries
 * (a few dozen in a fraction of a second) are thus swept in one pass, after their stage, while the next stage works.
 *
 * <p>Nothing escapes the guarantee: a command stays registered with {@link ExitCleanup} until its sweep is done, so
 * the exit hook ends it if forkstate stops first; {@link #settle()} waits for every pending sweep (a smoke starts
 * only once what the queries before it left is gone). A command whose output is still held open by something it left,
 * or that ran out of time, is not handed here: its caller ends the tree at once, as the output depends on it.
 */
final class LeftoverSweeper {
  /**
   * How long a pass waits for more commands to finish before it starts, unless it is asked for sooner: what a query
   * left lives at most about this long (and the time of the pass), or until its stage ends. Short enough that a
   * process without the marker is rarely matched by a session id whose leader's pid was reused meanwhile (see
   * ProcScan), long enough that a stage's queries share a pass: a pass every quarter second costs a few percent of a
   * core on a machine with hundreds of processes.
   */
  static final long LATEST_MS = 250;

  private static final LeftoverSweeper SHARED = new LeftoverSweeper(LATEST_MS);

  private final long latestMs;

  private final List<ProcessTree> pending = new ArrayList<>();
  private long added;
  private long swept;
  /** Someone waits in {@link #settle()}: sweep now, without gathering. */
  private boolean urgent;
  private Thread thread;

  /** @param latestMs how long a batch waits for a pass when nobody asks for one (tests use a long wait) */
  LeftoverSweeper(long latestMs) {
    this.latestMs = latestMs;
  }

  static LeftoverSweeper shared() {
    return SHARED;
  }

  /**
   * Sweeps for what the tree's command left, soon; until then it stays registered with {@link ExitCleanup}. Returns
   * the ticket to {@link #await} the sweep with.
   */
  synchronized long add(ProcessTree tree) {
    pending.add(tree);
    added++;
    if (thread == null) {
      thread = new Thread(this::loop, "forkstate-sweeper");
      thread.setDaemon(true); // the exit hook ends whatever is pending when the JVM goes
      thread.start();
    }
    notifyAll();
    return added;
  }

  /**
   * Asks for a pass for what is pending now, without waiting for it: a stage ended, and its commands' leftovers are
   * ended while the next stage works (a command that needs them gone waits with {@link #settle()}).
   */
  synchronized void sweepSoon() {
    if (!pending.isEmpty()) {
      urgent = true;
      notifyAll();
    }
  }

  /** Returns once every command handed here before the call has been swept. */
  void settle() {
    long target;
    synchronized (this) {
      target = added;
    }
    await(target);
  }

  /** Returns once the command with this ticket (and every one before it) has been swept; asks for a pass now. */
  synchronized void await(long ticket) {
    if (swept >= ticket) {
      return;
    }
    urgent = true;
    notifyAll();
    boolean interrupted = false;
    while (swept < ticket) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true; // the sweep itself is bounded; finish waiting, then pass the interrupt on
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    while (true) {
      List<ProcessTree> batch;
      long upTo;
      synchronized (this) {
        try {
          while (pending.isEmpty()) {
            wait();
          }
          long gatherUntil = System.nanoTime() + latestMs * 1_000_000;
          for (long left = latestMs; !urgent && left > 0;
               left = (gatherUntil - System.nanoTime()) / 1_000_000) {
            wait(left);
          }
        } catch (InterruptedException e) {
          return; // not interrupted by forkstate; the exit hook still ends what is pending
        }
        batch = List.copyOf(pending);
        pending.clear();
        upTo = added;
        urgent = false;
      }
      try {
        ProcessTree.endAll(batch);
        batch.forEach(ExitCleanup::ended);
      } catch (RuntimeException e) {
        // Left registered: the exit hook tries again. The thread goes on, or later commands would never be swept.
      } finally {
        synchronized (this) {
          swept = upTo;
          notifyAll();
        }
      }
    }
  }
}
