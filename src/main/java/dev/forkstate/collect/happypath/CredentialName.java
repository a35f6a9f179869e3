package dev.forkstate.collect.happypath;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a setting's name says it holds a credential: its last word (the noun it names) is TOKEN, SECRET, PASSWORD,
 * CREDENTIALS, APIKEY, AUTH, or KEY. Stricter than the redactor's rule (any word): a name is only half the
 * evidence here, and {@code routing_key}, {@code cache_key} or {@code use_token_cache} are no credentials. A
 * parameter or option named ..._key is one only after API, ACCESS, PRIVATE, SECRET and the like (a parameter
 * called key is usually a dict key); an env var ending in _KEY (OPENAI_KEY) is.
 */
final class CredentialName {
  private static final Set<String> NOUNS = Set.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL",
      "CREDENTIALS", "APIKEY", "AUTH");
  private static final Set<String> KEY_KINDS = Set.of("API", "ACCESS", "PRIVATE", "SECRET", "SIGNING",
      "ENCRYPTION", "SUBSCRIPTION", "LICENSE", "MASTER", "CLIENT", "SERVICE", "ACCOUNT", "AUTH");

  private CredentialName() {}

  /** {@code envVar}: an environment variable's name (upper case by custom), else a parameter or option. */
  static boolean looksLike(String name, boolean envVar) {
    List<String> words = List.of(name.toUpperCase(Locale.ROOT).replace('-', '_').split("_+"));
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (NOUNS.contains(last) || envVar && last.equals("PAT")) {
      return true;
    }
    if (!last.equals("KEY") && !last.equals("KEYS")) {
      return false;
    }
    return envVar ? words.size() > 1 : words.size() > 1 && KEY_KINDS.contains(words.get(words.size() - 2));
  }
}
