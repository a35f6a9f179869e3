package dev.forkstate.fact;

/** "1 file", "2 upstream files": counts in report text read as English. The last word is the noun. */
public final class Noun {
  private Noun() {}

  public static String count(long n, String one) {
    return n + " " + (n == 1 ? one : one + (one.endsWith("s") ? "es" : "s"));
  }
}
