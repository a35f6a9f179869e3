package dev.forkstate.collect.smoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a fork's broken import from a machine without the project's dependencies. Both end pytest with
 * {@code ModuleNotFoundError}; only the first is the fork's fault. A module whose top-level package the repository
 * holds (a folder or a .py file at the root or under src/) is the fork's own; any other is a dependency this
 * machine has not installed, and smokes that stop on it measured nothing about the fork.
 */
final class MissingModules {
  /** Quoted (Python 3) or bare (Python 2); a name pytest cut short ("'anthro...") matches neither. */
  private static final Pattern NOT_FOUND = Pattern.compile(
      "(?:ModuleNotFoundError|ImportError): No module named (?:'([A-Za-z_][A-Za-z0-9_.]*)'|([A-Za-z_][A-Za-z0-9_.]*)"
      + "(?=\\s|$))");

  private MissingModules() {}

  /** The top-level names of modules the output says are missing and the repository does not provide, sorted. */
  static List<String> notInstalled(String output, Path repo) {
    TreeSet<String> out = new TreeSet<>();
    Matcher m = NOT_FOUND.matcher(output);
    while (m.find()) {
      String top = name(m).split("\\.")[0];
      if (!providedBy(repo, top)) {
        out.add(top);
      }
    }
    return List.copyOf(out);
  }

  /** Every module named missing is the repository's own: the fork's code does not import. */
  static List<String> ownMissing(String output, Path repo) {
    TreeSet<String> out = new TreeSet<>();
    Matcher m = NOT_FOUND.matcher(output);
    while (m.find()) {
      if (providedBy(repo, name(m).split("\\.")[0])) {
        out.add(name(m));
      }
    }
    return List.copyOf(out);
  }

  private static String name(Matcher m) {
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static boolean providedBy(Path repo, String top) {
    for (Path base : List.of(repo, repo.resolve("src"))) {
      if (Files.isDirectory(base.resolve(top)) || Files.isRegularFile(base.resolve(top + ".py"))) {
        return true;
      }
    }
    return false;
  }
}
