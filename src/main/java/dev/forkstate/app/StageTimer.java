package dev.forkstate.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Prints how long each stage of a run took to stderr when FORKSTATE_TRACE=1: for bench/ and for users asking why a
 * run is slow. Silent otherwise; never part of the report. The first line, start-up, is the time from the JVM's start
 * (as the JVM recorded it) to the first stage: the JVM, the command line and the classes loaded on the way; a
 * launcher script before it is not counted.
 */
final class StageTimer {
  private final PrintStream err;
  private long last = System.nanoTime();

  StageTimer(boolean on) {
    this.err = on ? System.err : null;
    if (on) {
      // Read only when tracing: the management classes are not loaded otherwise.
      print("start-up", System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
  }

  void lap(String stage) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    print(stage, (now - last) / 1_000_000);
    last = now;
  }

  private void print(String stage, long ms) {
    err.printf("forkstate: trace %-10s %4d ms%n", stage, ms);
  }
}
