package dev.forkstate.collect.smoke;

import dev.forkstate.exec.CommandResult;

/**
 * The line of pytest's output that says why a run failed. pytest opens its report with banners
 * ("==== ERRORS ====") that say nothing; the short test summary ("ERROR tests/x.py - ModuleNotFoundError: ...") and
 * the assertion lines ("E   assert 1 == 2") do.
 */
final class PytestOutput {
  private PytestOutput() {}

  static String reason(CommandResult r) {
    String out = r.stdout();
    boolean inSummary = false;
    String firstE = "";
    for (String line : out.split("\n")) {
      String l = line.strip();
      if (l.startsWith("=") && l.contains("short test summary info")) {
        inSummary = true;
      } else if (inSummary && (l.startsWith("ERROR ") || l.startsWith("FAILED "))) {
        // "ERROR tests/x.py" alone (pytest leaves the cause out when the line would be long) names no cause: the
        // first "E" line above it does.
        return l.contains(" - ") || firstE.isEmpty() ? l : l + " - " + firstE;
      } else if (firstE.isEmpty() && line.matches("E\\s+\\S.*")) {
        firstE = l.substring(1).strip();
      }
    }
    if (!firstE.isEmpty()) {
      return firstE;
    }
    // No summary and no assertion line (a usage error): stderr, then the first line that is not a banner.
    for (String source : new String[] {r.stderr(), out}) {
      for (String line : source.split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.matches("=+.*=+")) {
          return l;
        }
      }
    }
    return r.firstErrorLine();
  }
}
