package dev.forkstate.collect.python;

import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.DeclaredDependencies.Kind;
import dev.forkstate.collect.python.DeclaredDependencies.Unread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The declarations in a setup.cfg: {@code [options] install_requires} (required) and
 * {@code [options.extras_require]} (one key per extra). The format is Python's configparser: a value continues on
 * the indented lines below its key, one requirement a line; {@code file: requirements.txt} reads that file.
 */
final class SetupCfgDeclarations {
  private SetupCfgDeclarations() {}

  static DeclaredDependencies read(String file, String text, Function<String, Optional<String>> readFile) {
    Map<String, Map<String, String>> sections = parse(text);
    List<Declaration> out = new ArrayList<>();
    List<Unread> unread = new ArrayList<>();
    String required = sections.getOrDefault("options", Map.of()).get("install_requires");
    if (required != null) {
      add(file, required, Kind.REQUIRED, "", readFile, out, unread);
    }
    sections.getOrDefault("options.extras_require", Map.of())
        .forEach((extra, value) -> add(file, value, Kind.EXTRA, extra, readFile, out, unread));
    return new DeclaredDependencies(out, unread);
  }

  private static void add(String file, String value, Kind kind, String group,
      Function<String, Optional<String>> readFile, List<Declaration> out, List<Unread> unread) {
    String v = value.strip();
    if (v.startsWith("file:")) {
      for (String p : v.substring(5).split(",")) {
        String path = p.strip();
        Optional<String> text = readFile.apply(path);
        if (text.isEmpty()) {
          unread.add(new Unread(file, "it reads dependencies from " + path + ", which is not in the commit"));
        } else {
          Requirements.ofFile(text.get()).forEach(d -> out.add(new Declaration(d, kind, path, group)));
        }
      }
      return;
    }
    for (String line : v.split("\n")) {
      Requirements.name(line.strip()).ifPresent(d -> out.add(new Declaration(d, kind, file, group)));
    }
  }

  /** configparser's layout: [section], key = value or key: value, indented continuation lines, # and ; comments. */
  static Map<String, Map<String, String>> parse(String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> section = null;
    String key = null;
    for (String raw : text.split("\r?\n")) {
      String stripped = raw.strip();
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      boolean continuation = Character.isWhitespace(raw.charAt(0));
      if (continuation && section != null && key != null) {
        section.merge(key, stripped, (a, b) -> a + "\n" + b);
      } else if (stripped.startsWith("[") && stripped.endsWith("]")) {
        section = sections.computeIfAbsent(stripped.substring(1, stripped.length() - 1).strip(),
            k -> new LinkedHashMap<>());
        key = null;
      } else if (section != null) {
        int eq = firstOf(stripped, '=', ':');
        key = (eq < 0 ? stripped : stripped.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
        section.put(key, eq < 0 ? "" : stripped.substring(eq + 1).strip());
      }
    }
    return sections;
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
