package dev.forkstate.verify;

import java.util.regex.Pattern;

/**
 * Whether a line names something as absent rather than claiming it exists: "`docs/x.md` does not exist", "Cited path
 * not committed: `docs/x.md`", "symbol `pkg.mod:Turbo` has no module file at HEAD", "no `setup.py` at HEAD", "Missing:
 * `a`, `b` and `c`", "`a` and `b` are not committed". Such a name is checked the other way round (TRUE when indeed
 * absent, FALSE only when it exists). Narrow on purpose: a plain negation near a name ("no `tests/` changes", "does
 * not touch `x.py`") says nothing about whether the name exists, and must not turn an existing path into a FALSE.
 * Pure text work on one line; {@code start} and {@code end} delimit the name as written (backticks included).
 */
final class AbsenceWording {
  /** Words right before the name (or the list it starts). */
  private static final Pattern BEFORE = Pattern.compile("(?i)(?:\\bmissing|\\bnot committed|\\bdoes not exist"
      + "|\\bno such (?:file|path|folder|module)(?: or directory)?)\\s*:?\\s*$");
  /** Words right after the name (or the list it ends), an aside in brackets allowed between. */
  private static final Pattern AFTER = Pattern.compile("(?i)^\\s*(?:\\([^()]*\\)\\s*)?(?:does not exist|doesn't exist"
      + "|do not exist|don't exist|does not (?:…|\\.\\.\\.)|(?:exists (?:on disk )?but )?(?:is |are |was |were )?"
      + "(?:not committed|never committed|missing|absent|not at HEAD|not found|not defined)\\b"
      + "|has no (?:module )?file\\b)");
  /** "no `x` at HEAD": the negation and the place around the name. */
  private static final Pattern NO_BEFORE = Pattern.compile("(?i)\\bno\\s*$");
  private static final Pattern AT_HEAD_AFTER = Pattern.compile("(?i)^\\s*(?:at|in) HEAD\\b");
  /** One more item of a list: a code span or a bare path, and its separator. */
  private static final String ITEM = "(?:`[^`]+`|[\\w./@-]+)";
  private static final Pattern TRAILING_ITEM = Pattern.compile(ITEM + "\\s*(?:,\\s*(?:and |or )?|\\band\\b|\\bor\\b)"
      + "\\s*$");
  private static final Pattern LEADING_ITEM = Pattern.compile("^\\s*(?:,\\s*(?:and |or )?|\\band\\b|\\bor\\b)\\s*"
      + ITEM);

  private AbsenceWording() {}

  static boolean stated(String text, int start, int end) {
    String before = text.substring(0, start);
    String after = text.substring(end);
    String listBefore = skipItemsBefore(before);
    String listAfter = skipItemsAfter(after);
    return BEFORE.matcher(listBefore).find() || AFTER.matcher(listAfter).find()
        || NO_BEFORE.matcher(before).find() && AT_HEAD_AFTER.matcher(after).find();
  }

  /** "Missing: `a`, `b` and " -> "Missing: ": the words that govern the whole list. */
  private static String skipItemsBefore(String before) {
    String s = before;
    for (var m = TRAILING_ITEM.matcher(s); m.find(); m = TRAILING_ITEM.matcher(s)) {
      s = s.substring(0, m.start());
    }
    return s;
  }

  /** " and `b` do not exist" -> " do not exist". */
  private static String skipItemsAfter(String after) {
    String s = after;
    for (var m = LEADING_ITEM.matcher(s); m.find(); m = LEADING_ITEM.matcher(s)) {
      s = s.substring(m.end());
    }
    return s;
  }
}
