package dev.forkstate.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Prints how long each stage of a run took to stderr when FORKSTATE_TRACE=1: for bench/ and for users asking why a
 * run is slow. Silent otherwise; never part of the report. The first line, start-up, is the time from the JVM's start
 * to the first stage: the JVM, the command line and the classes loaded on the way; a launcher script before it is not
 * counted. The ./forkstate launcher, when tracing, passes the moment it starts the JVM ({@link #EXEC_AT}, bash's
 * $EPOCHREALTIME): asking the JVM itself (its runtime MXBean) loads the management classes, 20 to 50 ms that a
 * traced run, and so the bench, would pay and a user's run does not. Without the launcher the MXBean answers.
 */
final class StageTimer {
  static final String EXEC_AT = "FORKSTATE_EXEC_AT";
  private final PrintStream err;
  private long last;

  StageTimer(Map<String, String> env) {
    boolean on = "1".equals(env.get("FORKSTATE_TRACE"));
    this.err = on ? System.err : null;
    if (on) {
      print("start-up", System.currentTimeMillis() - jvmStart(env.get(EXEC_AT)));
    }
    last = System.nanoTime();
  }

  /** When the JVM started, in epoch milliseconds: from the launcher's "seconds.micros", else from the MXBean. */
  static long jvmStart(String execAt) {
    if (execAt != null && execAt.matches("[0-9]+[.,][0-9]{1,9}")) {
      String[] p = execAt.split("[.,]");
      return Long.parseLong(p[0]) * 1000 + Long.parseLong((p[1] + "000").substring(0, 3));
    }
    return ManagementFactory.getRuntimeMXBean().getStartTime();
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
