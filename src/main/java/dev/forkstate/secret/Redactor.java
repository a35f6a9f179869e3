package dev.forkstate.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secret values from any text before it leaves the process. Built once from the environment: the values
 * (8 characters or more) of variables whose underscore-separated name parts include KEY, TOKEN, SECRET, PASSWORD,
 * CREDENTIAL(S), AUTH or PAT. Also strips user info from URLs, which {@code git remote -v} prints.
 */
public final class Redactor {
  public static final String MASK = "[REDACTED]";
  private static final Set<String> SECRET_PARTS =
      Set.of("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "CREDENTIALS", "AUTH", "PAT", "APIKEY");
  private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s:]+(:[^/@\\s]*)?@");
  private static final int MIN_LENGTH = 8;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  public static Redactor fromEnvironment(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    env.forEach((name, value) -> {
      if (value != null && value.length() >= MIN_LENGTH && looksSecret(name)) {
        values.add(value);
      }
    });
    // Longest first, so a secret that contains another is masked whole.
    values.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    return new Redactor(List.copyOf(values));
  }

  /**
   * This redactor plus one known secret, whatever the name of the variable that held it (4 characters or more:
   * shorter values would mask ordinary words).
   */
  public Redactor with(String secret) {
    if (secret == null || secret.length() < 4 || secrets.contains(secret)) {
      return this;
    }
    List<String> values = new ArrayList<>(secrets);
    values.add(secret);
    values.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    return new Redactor(List.copyOf(values));
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  /** The name parts that make a variable look secret (KEY, TOKEN, ...), upper case: the scanner traces such names. */
  public static Set<String> secretNameParts() {
    return SECRET_PARTS;
  }

  public static boolean looksSecret(String name) {
    for (String part : name.toUpperCase(Locale.ROOT).split("_")) {
      if (SECRET_PARTS.contains(part)) {
        return true;
      }
    }
    return false;
  }

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, MASK);
      }
    }
    return URL_USERINFO.matcher(out).replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(MASK) + "@");
  }
}
