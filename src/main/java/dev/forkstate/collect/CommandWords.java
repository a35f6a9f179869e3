package dev.forkstate.collect;

import dev.forkstate.collect.smoke.SmokeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shell command line names, read the way a user pasting it would meet it: the program (after any VAR=value
 * assignments), the scripts, files and test paths it needs, and placeholders such as {@code <token>} left to fill in.
 * Used by `verify` for a report's commands and by the copy-paste rule for the guide's.
 */
public final class CommandWords {
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");
  private static final Pattern SCRIPT = Pattern.compile("[A-Za-z0-9_./-]+\\.(py|sh|js|ts|rb|pl)");
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_./-]+\\.(py|sh|js|ts|rb|pl|md|yml|yaml|json|toml|"
      + "txt|cfg|ini)");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z][A-Za-z0-9_.-]*>");
  /** Shell builtins and keywords: always "installed". */
  private static final Set<String> BUILTINS = Set.of("cd", "export", "source", ".", "echo", "set", "unset", "alias",
      "exit", "true", "false", "test", "[", "printf", "read", "wait", "time", "for", "if", "while", "do", "done",
      "then", "fi", "pushd", "popd", "eval", "exec", "trap", "ulimit", "umask", "command", "type");

  private CommandWords() {}

  public static String program(String command) {
    for (String token : command.strip().split("\\s+")) {
      if (!ASSIGNMENT.matcher(token).matches()) {
        return token;
      }
    }
    return "";
  }

  /** Scripts and, for pytest, test paths that a command names. */
  public static List<String> namedPaths(String command) {
    return named(command, SCRIPT);
  }

  /** As {@link #namedPaths}, plus data and doc files (a guide's commands should name only files that exist). */
  public static List<String> namedFiles(String command) {
    return named(command, FILE);
  }

  private static List<String> named(String command, Pattern files) {
    Set<String> out = new TreeSet<>(SmokeCommand.parse(command).testPaths());
    for (String token : command.split("\\s+")) {
      String t = token.replaceAll("^[\"']|[\"';]$", "");
      if (files.matcher(t).matches() && !t.contains("://")) {
        out.add(t.startsWith("./") ? t.substring(2) : t);
      }
    }
    return List.copyOf(out);
  }

  public static List<String> placeholders(String command) {
    Matcher m = PLACEHOLDER.matcher(command);
    Set<String> out = new TreeSet<>();
    while (m.find()) {
      out.add(m.group());
    }
    return List.copyOf(out);
  }

  /**
   * Whether the program can run here: a builtin, an executable under the repository when it is a path, or an
   * executable file in one of PATH's folders (looked up, not run).
   */
  public static boolean runnable(String program, Path repo, Map<String, String> env) {
    if (program.isEmpty() || BUILTINS.contains(program)) {
      return true;
    }
    if (program.contains("/")) {
      return Files.isExecutable(repo.resolve(program));
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
