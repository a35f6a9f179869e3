package dev.forkstate.app;

import java.io.PrintStream;

/**
 * Prints how long each stage of a run took to stderr when FORKSTATE_TRACE=1: for bench/ and for users asking why a
 * run is slow. Silent otherwise; never part of the report.
 */
final class StageTimer {
  private final PrintStream err;
  private long last = System.nanoTime();

  StageTimer(boolean on) {
    this.err = on ? System.err : null;
  }

  void lap(String stage) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    err.printf("forkstate: trace %-10s %4d ms%n", stage, (now - last) / 1_000_000);
    last = now;
  }
}
