package dev.forkstate.collect.smoke;

import dev.forkstate.collect.python.ImportOrigin;
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

  /**
   * @param notInstalled top-level names of missing modules the repository does not provide (dependencies), sorted
   * @param own          missing modules under a package the repository provides (the fork's own code), sorted
   */
  record Found(List<String> notInstalled, List<String> own) {}

  private MissingModules() {}

  /** One pass over pytest's output; which names are the repository's own is {@link ImportOrigin#own}'s rule. */
  static Found in(String output, Path repo) {
    ImportOrigin origin = new ImportOrigin(repo);
    TreeSet<String> notInstalled = new TreeSet<>();
    TreeSet<String> own = new TreeSet<>();
    Matcher m = NOT_FOUND.matcher(output);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String top = name.split("\\.")[0];
      if (origin.own(top)) {
        own.add(name);
      } else {
        notInstalled.add(top);
      }
    }
    return new Found(List.copyOf(notInstalled), List.copyOf(own));
  }
}
