package dev.forkstate.fact;

/** "1 file", "2 upstream files", "3 patches": counts in report text read as English. The last word is the noun. */
public final class Noun {
  private Noun() {}

  public static String count(long n, String one) {
    return n + " " + (n == 1 ? one : plural(one));
  }

  /**
   * The regular English plural of the phrase's last word: "patch" -> "patches", "branch" -> "branches", "box" ->
   * "boxes", "dependency" -> "dependencies", "day" -> "days". Irregular nouns are not used in report text.
   */
  public static String plural(String one) {
    String lower = one.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return one + "es";
    }
    if (lower.length() > 1 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return one.substring(0, one.length() - 1) + "ies";
    }
    return one + "s";
  }
}
