package dev.forkstate.collect.smoke;

import dev.forkstate.fact.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results of every pytest run in one smoke command, summed: counts add up, and the test cases of all runs are
 * kept. A run whose report is missing or unreadable is named, so that the counts are never read as complete.
 *
 * @param runs     the runs, in order
 * @param tests    the sum over the runs whose report could be read (null when none could)
 * @param unread   the first run whose report could not be read, with why ("run 2 of 2 wrote no JUnit XML ..."),
 *                 or empty
 * @param failing  the first run whose tests failed or errored, or whose pytest exited non-zero, or null
 */
record RunResults(List<PytestRuns.Run> runs, Value.Tests tests, String unread, PytestRuns.Run failing) {
  static RunResults read(List<PytestRuns.Run> runs, Path repo) {
    Value.Tests sum = null;
    String unread = "";
    PytestRuns.Run failing = null;
    for (PytestRuns.Run run : runs) {
      Value.Tests t = null;
      try {
        if (!Files.exists(run.xml())) {
          throw new JunitReport.Unreadable("wrote no JUnit XML report" + (run.exit() == null
              ? " and did not finish its session" : " (pytest exit " + run.exit() + ")"), null);
        }
        t = JunitReport.read(run.xml(), repo);
      } catch (JunitReport.Unreadable e) {
        if (unread.isEmpty()) {
          unread = label(run, runs.size()) + " " + e.getMessage();
        }
      }
      if (t != null) {
        sum = sum == null ? t : sum.plus(t);
      }
      boolean bad = (t != null && t.failed() + t.errors() > 0) || (run.exit() != null && run.exit() != 0);
      if (bad && failing == null) {
        failing = run;
      }
    }
    return new RunResults(runs, sum, unread, failing);
  }

  /** "run 2 of 3" when the command ran pytest more than once, else "the pytest run". */
  static String label(PytestRuns.Run run, int of) {
    return of > 1 ? "run " + run.number() + " of " + of : "the pytest run";
  }

  /**
   * Whether a test that ran failed in any run: that is the fork's, whatever else broke. Errors are left out: pytest
   * writes a collection error (a module that could not be imported) as an error case too.
   */
  boolean realFailures() {
    return tests != null && tests.failed() > 0;
  }

  /**
   * The exit status that speaks for the command: the first run's non-zero pytest status (a later green run, or
   * {@code || true}, hides it from the shell), else the shell's own.
   */
  int effectiveExit(int shellExit) {
    for (PytestRuns.Run run : runs) {
      if (run.exit() != null && run.exit() != 0) {
        return run.exit();
      }
    }
    return shellExit;
  }

  /** Which run the effective exit status came from, for the line ("run 1 of 2: "); empty when it is the shell's. */
  String exitSource(int shellExit) {
    for (PytestRuns.Run run : runs) {
      if (run.exit() != null && run.exit() != 0) {
        return runs.size() > 1 || shellExit == 0 ? label(run, runs.size()) + ": " : "";
      }
    }
    return "";
  }
}
