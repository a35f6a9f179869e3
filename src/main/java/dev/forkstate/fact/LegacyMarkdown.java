package dev.forkstate.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads list entries the way versions before typed phrases wrote them: Markdown, an item in a code span
 * ("path `x.py`", "`minillm/`: 1 commit"). Only for data written then (a report's facts line, a recorded run);
 * nothing written now is read back through here.
 */
public final class LegacyMarkdown {
  /** A code span as CommonMark reads one: a run of backticks, the content, a closing run of the same length. */
  private static final Pattern SPAN = Pattern.compile("(?<!`)(`+)(?!`)(.+?)(?<!`)\\1(?!`)");

  private LegacyMarkdown() {}

  /** The entry as a phrase: each code span an item (of unknown kind, so CODE), the rest words. */
  public static Phrase phrase(String markdown) {
    List<Phrase.Part> parts = new ArrayList<>();
    Matcher m = SPAN.matcher(markdown);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new Phrase.Words(markdown.substring(at, m.start())));
      }
      parts.add(new Phrase.Code(Phrase.Kind.CODE, content(m.group(2))));
      at = m.end();
    }
    if (at < markdown.length()) {
      parts.add(new Phrase.Words(markdown.substring(at)));
    }
    return new Phrase(parts);
  }

  /** The entry's plain text: "path `x.py`" reads "path x.py". */
  public static String plain(String markdown) {
    return phrase(markdown).plain();
  }

  /** True when the entry has a code span, so it was written as Markdown. */
  public static boolean hasCode(String text) {
    return SPAN.matcher(text).find();
  }

  /**
   * A recorded value as this version has it: a list of Markdown statements ("`minillm/`: 1 commit") is a list of
   * phrases; anything else is as it was.
   */
  public static Value value(Value v) {
    if (v instanceof Value.Paths p && p.paths().stream().anyMatch(LegacyMarkdown::hasCode)) {
      return new Value.Items(p.paths().stream().map(LegacyMarkdown::phrase).toList());
    }
    return v;
  }

  /** CommonMark strips one space from each end when both are there (a span that starts or ends with a backtick). */
  private static String content(String s) {
    return s.length() >= 2 && s.startsWith(" ") && s.endsWith(" ") && !s.isBlank() ? s.substring(1, s.length() - 1)
        : s;
  }
}
