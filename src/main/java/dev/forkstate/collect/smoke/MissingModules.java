package dev.forkstate.collect.smoke;

import dev.forkstate.collect.python.DeclaredDependencies;
import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.ImportOrigin;
import dev.forkstate.fact.Phrase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a fork's broken import from a machine without the project's dependencies. Both end pytest with
 * {@code ModuleNotFoundError}; only the first is the fork's fault. A module whose top-level package the repository
 * holds (a folder or a .py file at the root or under src/) is the fork's own; any other is a dependency this
 * machine has not installed, and smokes that stop on it measured nothing about the fork. Each such module carries
 * where the project declares it (or that it does not), so the line tells the user what to install. The project's
 * own top-level package missing as a whole (a src/ layout not installed, {@code No module named 'instructor'}) is
 * the machine's too: the repository holds it, it is only not importable here.
 */
final class MissingModules {
  /** Quoted (Python 3) or bare (Python 2); a name pytest cut short ("'anthro...") matches neither. */
  private static final Pattern NOT_FOUND = Pattern.compile(
      "(?:ModuleNotFoundError|ImportError): No module named (?:'([A-Za-z_][A-Za-z0-9_.]*)'|([A-Za-z_][A-Za-z0-9_.]*)"
      + "(?=\\s|$))");

  /**
   * A module pytest could not import, as it named it (dotted): a dependency with its strongest declaration (null
   * when undeclared), or the project's own top-level package ({@code project}), present but not installed.
   */
  record Missing(String module, Declaration declared, boolean project) {
    Optional<Declaration> declaration() {
      return Optional.ofNullable(declared);
    }
  }

  /**
   * @param notInstalled missing modules the repository does not provide (dependencies), sorted by name
   * @param own          missing modules under a package the repository provides (the fork's own code), sorted
   * @param ownError     pytest's line for the first of {@code own} ("E   ModuleNotFoundError: ..."), or ""
   * @param unread       packaging files whose declarations could not be read: "not declared" is then not certain
   * @param declarationsCommand the command that shows the packaging files read (evidence)
   */
  record Found(List<Missing> notInstalled, List<String> own, String ownError,
      List<DeclaredDependencies.Unread> unread, String declarationsCommand) {
    /** "could not run: No module named `kombu` (declared in `requirements/default.txt`; install ...)". */
    Phrase summary() {
      List<Phrase> each = new ArrayList<>();
      for (Missing m : notInstalled) {
        each.add(Phrase.of(Phrase.Kind.NAME, m.module()).then(" (").then(where(m)).then(")"));
      }
      String install = notInstalled.stream().anyMatch(Missing::project) ? "install the project (pip install -e .)"
          : notInstalled.stream().anyMatch(m -> m.declared() != null) ? "install the project's dependencies"
          : "install it";
      if (each.size() == 1) {
        Phrase only = Phrase.of(Phrase.Kind.NAME, notInstalled.get(0).module()).then(" (")
            .then(where(notInstalled.get(0))).then("; " + install + ")");
        return Phrase.of("could not run: No module named ").then(only);
      }
      return Phrase.of("could not run: No module named ").then(Phrase.join(each, ", ")).then("; " + install);
    }

    /** "pytest stopped on `kombu`, which this machine lacks ...": the modules, for lines that show the reason. */
    Phrase reason() {
      return Phrase.of("pytest stopped on ").then(Phrase.items(Phrase.Kind.NAME, notInstalled.stream()
          .map(Missing::module).toList(), ", ")).then(", which this machine lacks"
          + (notInstalled.stream().allMatch(Missing::project) ? "" : " and the repository does not provide")
          + ", so this says nothing about the fork");
    }

    private Phrase where(Missing m) {
      if (m.project()) {
        return Phrase.of("the project's own package: in the repository, not importable here");
      }
      if (m.declared() != null) {
        Declaration d = m.declared();
        Phrase p = Phrase.of("declared in ").then(Phrase.Kind.PATH, d.file());
        return d.group().isEmpty() ? p : p.then(d.kind() == DeclaredDependencies.Kind.EXTRA ? ", extra " : ", group ")
            .then(Phrase.Kind.NAME, d.group());
      }
      if (unread.isEmpty()) {
        return Phrase.of("not declared by the project");
      }
      return Phrase.of("not declared in the files forkstate could read; ").then(Phrase.join(unread.stream()
          .map(u -> Phrase.of(Phrase.Kind.PATH, u.file()).then(": " + u.reason())).toList(), "; "));
    }
  }

  private MissingModules() {}

  /**
   * One pass over pytest's output; which names are the repository's own is {@link ImportOrigin#own}'s rule. The
   * declarations are read only when a dependency is missing.
   */
  static Found in(String output, Path repo, Supplier<DeclaredDependencies> declarations) {
    ImportOrigin origin = new ImportOrigin(repo);
    TreeSet<String> notInstalled = new TreeSet<>();
    TreeSet<String> own = new TreeSet<>();
    TreeSet<String> project = new TreeSet<>();
    String ownError = "";
    Matcher m = NOT_FOUND.matcher(output);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      if (origin.own(name) && !name.contains(".")) {
        project.add(name);
      } else if (origin.own(name.split("\\.")[0])) {
        if (own.isEmpty()) {
          ownError = lineAround(output, m.start());
        }
        own.add(name);
      } else {
        notInstalled.add(name);
      }
    }
    // "google" and "google.genai" both missing: the dotted one says more, and implies the other.
    notInstalled.removeIf(n -> notInstalled.stream().anyMatch(o -> o.startsWith(n + ".")));
    DeclaredDependencies declared = notInstalled.isEmpty() ? DeclaredDependencies.NONE : declarations.get();
    TreeMap<String, Missing> missing = new TreeMap<>();
    notInstalled.forEach(n -> missing.put(n, new Missing(n, declared.provider(n).orElse(null), false)));
    project.forEach(n -> missing.put(n, new Missing(n, null, true)));
    return new Found(List.copyOf(missing.values()), List.copyOf(own), ownError, declared.unread(),
        declared.command());
  }

  private static String lineAround(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    return text.substring(start, end < 0 ? text.length() : end).strip();
  }
}
