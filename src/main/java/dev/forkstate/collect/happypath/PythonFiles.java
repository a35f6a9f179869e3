package dev.forkstate.collect.happypath;

import dev.forkstate.collect.python.PyModule;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which changed files are Python: every {@code .py} file, and a file without an extension (bin/tool) whose #! line
 * runs python, or which has no #! line and parses as Python with an import or a function of its own. A script
 * with any other #! line (bash) is not Python, whatever it contains.
 */
final class PythonFiles {
  /** python, python3, python3.11, pypy3, as the interpreter or as env's argument ("#!/usr/bin/env -S python3 -u"). */
  private static final Pattern PYTHON_SHEBANG = Pattern.compile("^#!\\s*\\S*?(?:\\bpython|\\bpypy)[0-9.]*(?:\\s|$)"
      + "|^#!\\s*\\S*/env\\s+(?:-\\S+\\s+)*(?:\\S*/)?(?:python|pypy)[0-9.]*(?:\\s|$)");

  private PythonFiles() {}

  /** The changes worth scanning: .py files, and regular files without an extension (scanned to tell). */
  static List<RawChange> candidates(List<RawChange> all) {
    return all.stream().filter(r -> r.path().endsWith(".py") || r.regularFile() && extensionless(r.path()))
        .toList();
  }

  static boolean extensionless(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return !name.contains(".");
  }

  /** Whether a candidate is Python, from what the scanner read of its HEAD version (else its upstream one). */
  static boolean isPython(String path, PyModule read) {
    if (path.endsWith(".py")) {
      return true;
    }
    if (read == null) {
      return false;
    }
    if (!read.shebang().isEmpty()) {
      return pythonShebang(read.shebang());
    }
    return read.parsed() && (!read.topImports().isEmpty() || !read.guardedImports().isEmpty()
        || !read.functions().isEmpty());
  }

  static boolean pythonShebang(String line) {
    return PYTHON_SHEBANG.matcher(line).find();
  }

  /** How many Python files changed, by kind; WARN (never FAIL) naming the files that did not parse. */
  static Fact changesFact(List<RawChange> raw, List<String> unparsed, Evidence listed) {
    long added = raw.stream().filter(r -> r.status() == 'A').count();
    long deleted = raw.stream().filter(r -> r.status() == 'D').count();
    String summary = Noun.count(raw.size(), "Python file") + " changed since the merge-base (" + added + " added, "
        + (raw.size() - added - deleted) + " modified, " + deleted + " deleted)";
    // A count (INFO); WARN only says the happy-path rules could not read every file.
    return new Fact(FactIds.PYTHON_CHANGES, unparsed.isEmpty() ? Status.INFO : Status.WARN,
        new Value.Count(raw.size()), summary, unparsed.isEmpty() ? "" : Noun.count(unparsed.size(), "file")
        + " did not parse, so " + (unparsed.size() == 1 ? "it was" : "they were") + " not checked: "
        + String.join("; ", unparsed), List.of(listed));
  }

  /**
   * The listing as a user would ask for it: the .py files and the scripts found to be Python (forkstate itself
   * lists every changed path, since a script need not end in .py), with the exit code of the run.
   */
  static Evidence listing(Evidence ran, String baseExpr, List<String> scripts) {
    String cmd = "git diff --name-status " + baseExpr + " HEAD -- '*.py'" + scripts.stream()
        .map(p -> " " + ShellQuote.quote(p)).collect(java.util.stream.Collectors.joining());
    return new Evidence(cmd, ran.exitCode(), ran.duration(), ran.excerpt(), ran.truncated());
  }
}
