package dev.forkstate.app;

import dev.forkstate.error.UserError;
import dev.forkstate.render.update.Markers;
import dev.forkstate.write.FileSnapshot;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one rule for what forkstate may replace or merge into (--out, --json-out): a file forkstate wrote, an empty
 * one, or, for a Markdown report, a hand-written Markdown report it can migrate. Anything else (the Markdown report
 * given as --json-out, README.md, a source file given as --out) holds someone's words and is refused before any
 * measuring, unless --force says replace it.
 */
final class OutputGuard {
  private OutputGuard() {}

  /** A JSON document is replaced whole: only one forkstate wrote may be, unless forced. */
  static void json(Path file, FileSnapshot previous, boolean force, String option) {
    if (force || !previous.exists() || previous.bytes().length == 0 || writtenByForkstate(previous.text())) {
      return;
    }
    throw refused(file, option);
  }

  /**
   * A Markdown report is merged: the user's text stays, but merging into a file that is not a report (README.md,
   * pkg/router.py) would still add a report to it. A file with forkstate's marks is one; an unmarked one must be
   * Markdown by its name and not a README.
   */
  static void markdown(Path file, FileSnapshot previous, boolean force) {
    if (force || !previous.exists() || previous.bytes().length == 0
        || Markers.BEGIN.matcher(previous.text()).find()) {
      return;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean markdownName = name.endsWith(".md") || name.endsWith(".markdown");
    if (!markdownName || name.startsWith("readme")) {
      throw refused(file, "--out");
    }
  }

  private static UserError refused(Path file, String option) {
    return new UserError(file + " exists and was not written by forkstate; " + option
        + " would replace or change its text", file.toString(),
        "choose another " + option + ", move the file aside, or pass --force to replace it");
  }

  /** JSON forkstate wrote names itself as the tool. */
  private static boolean writtenByForkstate(String json) {
    return json.contains("\"tool\" : \"forkstate\"");
  }
}
