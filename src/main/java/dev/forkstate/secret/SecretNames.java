package dev.forkstate.secret;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which environment variables hold secrets, by name. A name matches when one of its underscore-separated parts is a
 * secret word (REDIS_PASS, SENTRY_DSN, GH_PAT), when it contains a secret word with no separator (GITHUBTOKEN,
 * SLACKWEBHOOK_URL, DBPASSWORD), or ends in PASS or PWD (DBPASS). Names that only look alike are left alone: PWD and
 * OLDPWD are folders, *ASKPASS a program, BYPASS a host list.
 */
final class SecretNames {
  /** Whole parts that mark a secret. */
  private static final Set<String> PARTS = Set.of("KEY", "TOKEN", "TOKENS", "SECRET", "SECRETS", "PASSWORD",
      "PASSWD", "PASS", "PWD", "CREDENTIAL", "CREDENTIALS", "CREDS", "AUTH", "PAT", "APIKEY", "DSN", "WEBHOOK",
      "COOKIE", "PASSPHRASE");
  /** Words that mark a secret inside a part too. */
  private static final Set<String> INFIXES =
      Set.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY", "WEBHOOK", "CREDENTIAL", "PASSPHRASE");
  private static final Set<String> NOT_SECRET = Set.of("PWD", "OLDPWD");
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^/@\\s:]*:([^/@\\s]+)@");

  private SecretNames() {}

  /** The whole parts that mark a secret, sorted (the scanner's cache key holds them). */
  static Set<String> parts() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(PARTS));
  }

  static boolean looksSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (NOT_SECRET.contains(upper) || upper.endsWith("ASKPASS") || upper.endsWith("BYPASS")) {
      return false;
    }
    // Split by hand: String.split with a character class compiles a regular expression per call, and every
    // variable of the environment passes here at start-up.
    for (int from = 0, to; from <= upper.length(); from = to + 1) {
      to = from;
      while (to < upper.length() && "_.-".indexOf(upper.charAt(to)) < 0) {
        to++;
      }
      String part = upper.substring(from, to);
      if (part.isEmpty()) {
        continue; // between two separators: no word is empty
      }
      if (PARTS.contains(part)) {
        return true;
      }
      for (String infix : INFIXES) {
        if (part.contains(infix)) {
          return true;
        }
      }
    }
    return upper.endsWith("PASS") || upper.endsWith("PWD");
  }

  /** The password of a URL with user info (scheme://user:password@host), when the value holds one. */
  static Optional<String> urlPassword(String value) {
    if (!value.contains("://")) {
      return Optional.empty(); // what the expression needs first: most values are no URL
    }
    Matcher m = URL_PASSWORD.matcher(value);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
