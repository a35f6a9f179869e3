package dev.forkstate.collect.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which import names a distribution provides. Most provide their own name normalised ({@code docstring-parser} is
 * {@code docstring_parser}, case and separators aside); the few well-known exceptions ({@code PyYAML} is
 * {@code yaml}, {@code google-genai} is {@code google.genai}) are listed in distribution-modules.txt. A
 * distribution not in the table and not matching by name is not guessed at: its module stays "not declared".
 */
public final class DistributionNames {
  private static final Map<String, List<String>> TABLE = load();

  private DistributionNames() {}

  /** PEP 503 normalisation, with '_' as the separator so that it compares with import names. */
  public static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
  }

  /** The dotted import names the distribution provides. */
  public static List<String> modules(String distribution) {
    String key = normalise(distribution);
    return TABLE.getOrDefault(key, List.of(key));
  }

  /** Whether importing {@code module} (dotted) is served by the distribution. */
  static boolean provides(String distribution, String module) {
    String m = module.toLowerCase(Locale.ROOT);
    for (String name : modules(distribution)) {
      String n = name.toLowerCase(Locale.ROOT);
      if (m.equals(n) || m.startsWith(n + ".")) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, List<String>> load() {
    try (InputStream in = DistributionNames.class.getResourceAsStream("distribution-modules.txt")) {
      if (in == null) {
        throw new IllegalStateException("distribution-modules.txt is missing from the jar");
      }
      Map<String, List<String>> out = new HashMap<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
            String[] parts = l.split("\\s+");
            out.put(normalise(parts[0]), List.of(parts).subList(1, parts.length));
          });
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
