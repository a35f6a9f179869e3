package dev.forkstate.collect.smoke;

/** pytest's own exit codes that end a run before its tests could speak (its documented ExitCode values 2 to 5). */
final class PytestExit {
  private PytestExit() {}

  /** What the exit code means, or empty for 0, 1 (tests failed: the report says which) and anything else. */
  static String describe(int exit) {
    return switch (exit) {
      case 5 -> "pytest collected no tests (exit 5)";
      case 4 -> "pytest usage error or path not found (exit 4)";
      case 3 -> "pytest internal error (exit 3)";
      case 2 -> "pytest was interrupted, often by a collection error (exit 2)";
      default -> "";
    };
  }
}
