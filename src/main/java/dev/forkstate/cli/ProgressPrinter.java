package dev.forkstate.cli;

import dev.forkstate.app.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on stderr. On a terminal: one line, rewritten every second with the current step and the time since the
 * run started, cleared at the end. Elsewhere (CI logs, pipes): one plain line per step with the elapsed time.
 */
final class ProgressPrinter implements Progress {
  private final PrintWriter err;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private volatile String current = "";

  ProgressPrinter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    if (terminal) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "forkstate-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    } else {
      ticker = null;
    }
  }

  /**
   * A live line on a terminal; plain lines in CI (the CI variable is set, as GitHub Actions does); nothing otherwise
   * (pipes, scripts, tests: stderr then carries only notes and the verdict) or with --quiet.
   */
  static Progress forRun(PrintWriter err, java.util.Map<String, String> env, boolean quiet) {
    if (quiet) {
      return Progress.NONE;
    }
    if (env.get("CI") != null) {
      return new ProgressPrinter(err, false);
    }
    return System.console() != null && !"dumb".equals(env.get("TERM")) ? new ProgressPrinter(err, true)
        : Progress.NONE;
  }

  @Override
  public synchronized void step(String what) {
    current = what;
    if (terminal) {
      redraw();
    } else {
      err.println("forkstate: [" + elapsed() + "] " + what);
      err.flush();
    }
  }

  private synchronized void redraw() {
    if (!current.isEmpty()) {
      err.print("\r\033[K" + "forkstate: " + current + " (" + elapsed() + ")");
      err.flush();
    }
  }

  @Override
  public synchronized void done() {
    if (ticker != null) {
      ticker.shutdownNow();
      err.print("\r\033[K");
      err.flush();
    }
  }

  private String elapsed() {
    return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - start) / 1e9);
  }
}
