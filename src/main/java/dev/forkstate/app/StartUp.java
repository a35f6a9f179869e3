package dev.forkstate.app;

/**
 * The hook {@code Main} calls before it parses the command line, for work every command that opens a repository
 * needs and that could start that early on a background thread. Nothing is worth it now: it used to build Jackson's
 * YAML mapper for forkstate.yml (100 ms and more of CPU on a cold JVM); SnakeYAML's node tree and the record binder
 * that replaced it cost about one JFR sample per run (class loading), less than a thread's start and hand-over.
 */
public final class StartUp {
  private StartUp() {}

  /** Returns at once; starts nothing (see the class comment). */
  public static void begin() {
    // Intentionally empty: kept so cli/Main's start-up sequence stays one call when work is worth starting early.
  }
}
