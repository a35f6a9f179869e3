package dev.forkstate.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes secret values from text. It knows three kinds: the values of environment variables whose name looks secret
 * ({@link SecretNames}; 8 characters or more, shorter ones would mask ordinary words), values forkstate itself comes
 * to hold (a model's key, the token {@code gh auth token} printed: {@link #remember}), and values that are secrets by
 * their shape alone ({@link TokenShapes}: sk-, ghp_, xoxb-, AKIA..., JWTs, URL user info).
 *
 * <p>It is applied to data, before anything is serialised ({@link FactRedactor} goes over the typed facts): redacting
 * rendered text cannot find a secret that the serialiser escaped. The text pass still runs over finished outputs as a
 * second net, and it looks for each known secret in the escaped forms the outputs use too (JSON, HTML, the facts
 * comment's {@code \u002d}, percent-encoding).
 */
public final class Redactor {
  public static final String MASK = "[REDACTED]";
  private static final int MIN_LENGTH = 8;
  private static final int MIN_KNOWN_LENGTH = 4;
  /**
   * Longest first, then in natural order. A class, not composed lambdas: every run builds a redactor at start-up,
   * where linking the composed comparators' call sites cost 3 ms.
   */
  private static final Comparator<String> LONGEST_FIRST = new Comparator<>() {
    @Override
    public int compare(String a, String b) {
      return a.length() != b.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b);
    }
  };

  /** Every form to look for, longest first, so a secret that contains another is masked whole. */
  private volatile List<String> forms;
  private final Set<String> secrets;
  private final boolean shapes;

  private Redactor(Set<String> secrets, boolean shapes) {
    this.secrets = new LinkedHashSet<>(secrets);
    this.forms = forms(this.secrets);
    this.shapes = shapes;
  }

  private Redactor(Set<String> secrets) {
    this(secrets, true);
  }

  public static Redactor fromEnvironment(Map<String, String> env) {
    Set<String> values = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : env.entrySet()) { // no lambdas on the start-up path: see LONGEST_FIRST
      String value = e.getValue();
      if (value == null) {
        continue;
      }
      if (value.length() >= MIN_LENGTH && SecretNames.looksSecret(e.getKey())) {
        values.add(value);
      }
      // A password inside a URL (DATABASE_URL=postgres://u:pw@db/x) is a secret wherever it shows up alone.
      String pw = SecretNames.urlPassword(value).orElse("");
      if (pw.length() >= MIN_LENGTH) {
        values.add(pw);
      }
    }
    return new Redactor(values);
  }

  /** Knows no secret value; still masks token shapes and URL user info. */
  public static Redactor none() {
    return new Redactor(Set.of());
  }

  /**
   * Masks nothing at all, not even token shapes: only for reading a secret forkstate itself needs (the token
   * {@code gh auth token} prints), never for anything that is shown or stored.
   */
  public static Redactor disabled() {
    return new Redactor(Set.of(), false);
  }

  /**
   * A copy of this redactor plus one known secret, whatever the name of the variable that held it (4 characters or
   * more: shorter values would mask ordinary words).
   */
  public Redactor with(String secret) {
    Redactor copy;
    synchronized (this) {
      copy = new Redactor(secrets, shapes);
    }
    copy.remember(secret);
    return copy;
  }

  /**
   * Adds a secret forkstate obtained while running (a token a command printed): from now on this redactor, and every
   * component that holds it, masks it too. Safe to call from several threads.
   */
  public synchronized void remember(String secret) {
    String s = secret == null ? "" : secret.strip();
    if (s.length() >= MIN_KNOWN_LENGTH && secrets.add(s)) {
      forms = forms(secrets);
    }
  }

  /** The name parts that make a variable look secret (KEY, TOKEN, ...), upper case: the scanner traces such names. */
  public static Set<String> secretNameParts() {
    return SecretNames.parts();
  }

  /** Whether an environment variable's name says it holds a secret. */
  public static boolean looksSecret(String name) {
    return SecretNames.looksSecret(name);
  }

  /** The text with every known secret (in any of its escaped forms) and every token-shaped value masked. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : forms) {
      if (out.contains(s)) {
        out = out.replace(s, MASK);
      }
    }
    return shapes ? TokenShapes.redact(out, MASK) : out;
  }

  private static List<String> forms(Set<String> secrets) {
    Set<String> all = new LinkedHashSet<>();
    for (String s : secrets) {
      all.add(s);
      all.addAll(Escapes.of(s));
    }
    List<String> sorted = new ArrayList<>();
    for (String f : all) {
      if (f.length() >= MIN_KNOWN_LENGTH) {
        sorted.add(f);
      }
    }
    sorted.sort(LONGEST_FIRST);
    return List.copyOf(sorted);
  }
}
