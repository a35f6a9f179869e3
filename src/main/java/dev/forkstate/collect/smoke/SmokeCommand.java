package dev.forkstate.collect.smoke;

import dev.forkstate.collect.shell.ShellLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What forkstate can tell from a smoke command line without running it: whether pytest runs it (so per-test results
 * can be read from a JUnit XML report), how many times (a second run overwrites the first run's report), and which
 * test paths it names (so the report can say whether they are committed). The line is split as a shell splits it
 * ({@link ShellLine}); an option's value ({@code -k 'not slow'}, {@code -p no:warnings}) is never a path.
 *
 * @param runs how many pytest invocations the line holds; 2 stands for "more than one" when a loop runs pytest
 */
public record SmokeCommand(String line, boolean pytest, List<String> testPaths, int runs) {
  /** pytest options that take a value as the next word (or after '=', or glued to a short option). */
  private static final Set<String> VALUE_OPTIONS = Set.of("-k", "-m", "-p", "-c", "-o", "-W", "-r", "-n",
      "--junitxml", "--junit-xml", "--junit-prefix", "--rootdir", "--confcutdir", "--basetemp", "--maxfail",
      "--tb", "--durations", "--durations-min", "--cov", "--cov-report", "--cov-config", "--cov-fail-under",
      "--log-level", "--log-cli-level", "--log-file", "--log-file-level", "--log-format", "--log-date-format",
      "--deselect", "--ignore", "--ignore-glob", "--import-mode", "--dist", "--timeout", "--capture", "--color",
      "--override-ini", "--config-file", "--cache-dir", "--result-log", "--html", "--report-log", "--lf-no-hope",
      "--last-failed-no-failures", "--reruns", "--reruns-delay", "--only-rerun", "--randomly-seed", "--count",
      "--benchmark-json", "--asyncio-mode", "--numprocesses", "--maxprocesses", "--tx", "--rsyncdir", "--pdbcls",
      "--show-capture", "--verbosity", "--doctest-glob", "--doctest-report", "--debug-file", "--trace-config-file");
  /** Words that may stand before the program in a simple command: keywords, wrappers, assignments. */
  private static final Set<String> LEADING = Set.of("do", "then", "else", "!", "{", "time", "exec", "command",
      "env", "nice", "nohup");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern PYTHON = Pattern.compile("(.*/)?python(\\d+(\\.\\d+)?)?");
  private static final Pattern RUNNER = Pattern.compile("(.*/)?(py\\.test|pytest)");

  public SmokeCommand {
    testPaths = List.copyOf(testPaths);
  }

  public static SmokeCommand parse(String line) {
    ShellLine shell = ShellLine.parse(line);
    List<String> paths = new ArrayList<>();
    int runs = 0;
    for (ShellLine.SimpleCommand cmd : shell.commands()) {
      int args = pytestArgsStart(cmd.words());
      if (args < 0) {
        continue;
      }
      runs++;
      for (String p : testPaths(cmd.words().subList(args, cmd.words().size()))) {
        if (!paths.contains(p)) {
          paths.add(p);
        }
      }
    }
    // A loop around pytest runs it an unknown number of times: more than one, as far as the report is concerned.
    if (runs > 0 && shell.hasLoop()) {
      runs = Math.max(runs, 2);
    }
    return new SmokeCommand(line, runs > 0, runs > 0 ? paths : List.of(), runs);
  }

  /**
   * The bare program names the line runs pytest with ("pytest", "python3"), sorted: what a shim may stand in for.
   * A program given by path (.venv/bin/pytest) or expanded by the shell is not among them.
   */
  public static List<String> programs(String line) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (ShellLine.SimpleCommand cmd : ShellLine.parse(line).commands()) {
      int args = pytestArgsStart(cmd.words());
      if (args < 0) {
        continue;
      }
      for (ShellLine.Word w : cmd.words().subList(0, args)) {
        if (!w.expanded() && !w.text().contains("/") && (RUNNER.matcher(w.text()).matches()
            || PYTHON.matcher(w.text()).matches())) {
          out.add(w.text());
        }
      }
    }
    return List.copyOf(out);
  }

  /** Whether the line loops: then the number of pytest runs is not known before it runs. */
  public boolean loops() {
    return ShellLine.parse(line).hasLoop();
  }

  /** Where pytest's own arguments start in a simple command, or -1 when it does not run pytest. */
  static int pytestArgsStart(List<ShellLine.Word> words) {
    int k = 0;
    // An assignment's value may be expanded (PYTHONPATH=$(pwd)); its name never is.
    while (k < words.size() && (ASSIGNMENT.matcher(words.get(k).text()).matches()
        || (!words.get(k).expanded() && LEADING.contains(words.get(k).text())))) {
      k++;
    }
    // Runner wrappers: "uv run pytest", "poetry run pytest", "pipenv run ...", "pdm run ...", "hatch run ...".
    if (k + 1 < words.size() && Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye").contains(
        words.get(k).text()) && words.get(k + 1).text().equals("run")) {
      k += 2;
    }
    if (k >= words.size() || words.get(k).expanded()) {
      return -1;
    }
    String program = words.get(k).text();
    if (RUNNER.matcher(program).matches()) {
      return k + 1;
    }
    if (PYTHON.matcher(program).matches()) {
      for (int j = k + 1; j + 1 < words.size(); j++) {
        String w = words.get(j).text();
        if (w.equals("-m")) {
          return words.get(j + 1).text().equals("pytest") || words.get(j + 1).text().equals("py.test") ? j + 2 : -1;
        }
        if (w.equals("-W") || w.equals("-X")) {
          j++; // python's own options with a value: "-W ignore"
        } else if (!w.startsWith("-") || w.equals("-c")) {
          return -1; // python runs a script or a string, not a module
        }
      }
    }
    return -1;
  }

  /** Positional arguments of one pytest invocation that name test files or folders. */
  static List<String> testPaths(List<ShellLine.Word> args) {
    List<String> out = new ArrayList<>();
    boolean pyargs = args.stream().anyMatch(w -> w.text().equals("--pyargs"));
    boolean optionsEnded = false;
    for (int j = 0; j < args.size(); j++) {
      ShellLine.Word w = args.get(j);
      String t = w.text();
      if (!optionsEnded && t.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (!optionsEnded && t.startsWith("-") && t.length() > 1) {
        if (VALUE_OPTIONS.contains(t)) {
          j++; // the value is the next word: "-k 'not slow'", "-p no:warnings", "--junitxml out.xml"
        }
        continue;
      }
      // An expanded word is not known until the shell runs; --pyargs makes arguments package names, not paths.
      if (w.expanded() || pyargs || t.isEmpty()) {
        continue;
      }
      int nodeSep = t.indexOf("::");
      String path = (nodeSep >= 0 ? t.substring(0, nodeSep) : t).replaceAll("/+$", "");
      if (path.startsWith("./")) {
        path = path.substring(2);
      }
      if (!path.isEmpty() && !out.contains(path)) {
        out.add(path);
      }
    }
    return out;
  }
}
