package dev.forkstate.verify;

import dev.forkstate.fact.Status;
import dev.forkstate.report.SectionTitles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the checkable claims in any report, written by forkstate or not. Pure text work: nothing is run here.
 * <ul>
 *   <li>paths: code spans that look like paths, a path that starts a bullet (a reference), and file names with an
 *       extension anywhere in a line;</li>
 *   <li>commands: code spans that start with a program (after any VAR=value assignments);</li>
 *   <li>status claims: a line with a command and a word such as "green", "passes" or "0 failures";</li>
 *   <li>CI status claims: "green" next to a workflow file;</li>
 *   <li>the verbatim prompt, and each required section.</li>
 * </ul>
 */
public final class ClaimExtractor {
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.@-]+(?:/[A-Za-z0-9_.@-]+)*/?");
  private static final Pattern EXTENSION = Pattern.compile(".*\\.(md|py|yml|yaml|json|toml|sh|txt|cfg|ini|js|ts|"
      + "java|xml|lock|ipynb)$");
  private static final Pattern BARE_FILE = Pattern.compile("(?<![\\w/.`-])([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*\\."
      + "(?:md|py|yml|yaml|json|toml|sh|txt|cfg|ini))(?![\\w/`-])");
  private static final Pattern REFERENCE_BULLET = Pattern.compile("\\s*[-*]\\s+([^\\s`]+)(?:\\s.*)?");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");
  private static final Pattern PROGRAM = Pattern.compile("(\\./)?[A-Za-z0-9_][A-Za-z0-9_.+/-]*");
  private static final Pattern STATUS_WORDS = Pattern.compile(
      "(?i)\\b(green|passes|passed|passing|all pass|0 failures|no failures|succeeds)\\b");

  /** Sections a document must have, without the seed's title, to be read as a state report. */
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
  private static final Pattern NEGATION = Pattern.compile("(?i)\\b(no|not|never|without|missing|absent)\\b");
  static final int STATE_REPORT_SECTIONS = 3;
  /** Words that say a command failed: "3 failed", "fails", "failing" (never "0 failed"). */
  private static final Pattern FAILURE_WORDS = Pattern.compile("(?i)\\b([1-9][\\d,]* (?:tests? )?fail(?:ed|ures?)"
      + "|fails|failing|failed)\\b");
  private static final Pattern BADGE = Pattern.compile("\\s*(?:[-*+]\\s+|\\d+[.)]\\s+)?(?:\\[\\^[^\\]]+\\]:\\s*)?"
      + "\\*\\*(PASS|FAIL|WARN|UNKNOWN|SKIPPED|INFO)\\*\\*");

  private ClaimExtractor() {}

  public static List<Claim> extract(String report, String prompt) {
    List<Claim> claims = new ArrayList<>();
    ProseClaims prose = new ProseClaims();
    String[] lines = report.split("\r\n|\r|\n", -1);
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int no = i + 1;
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        inFence = !inFence;
        continue;
      }
      if (inFence || trimmed.startsWith("<!--")) {
        continue;
      }
      Status badge = badge(line);
      Set<String> paths = new LinkedHashSet<>();
      Set<String> absent = new LinkedHashSet<>();
      List<String> commands = new ArrayList<>();
      Set<String> symbols = new LinkedHashSet<>();
      Matcher m = CODE_SPAN.matcher(line);
      while (m.find()) {
        String span = m.group(2).strip();
        boolean named = SymbolSpan.of(span).isPresent() || isPath(span);
        if (isCommand(span)) {
          commands.add(span);
        } else if (named && AbsenceWording.stated(line, m.start(), m.end())) {
          absent.add(SymbolSpan.of(span).isPresent() ? span : span.replaceAll("/+$", ""));
        } else if (SymbolSpan.of(span).isPresent()) {
          symbols.add(span);
        } else if (isPath(span)) {
          paths.add(span.replaceAll("/+$", ""));
        }
      }
      Matcher bullet = REFERENCE_BULLET.matcher(unescape(line));
      String reference = "";
      if (bullet.matches() && isPath(bullet.group(1))
          && !AbsenceWording.stated(bullet.group(0), bullet.start(1), bullet.end(1))) {
        reference = bullet.group(1).replaceAll("/+$", ""); // "- tests/smoke — deterministic smokes": a path
        paths.remove(reference);
      }
      String withoutSpans = unescape(CODE_SPAN.matcher(line).replaceAll(" "));
      Matcher f = BARE_FILE.matcher(withoutSpans);
      while (f.find()) {
        if (withoutSpans.substring(Math.max(0, f.start() - 3), f.start()).endsWith("://")) {
          continue;
        }
        if (AbsenceWording.stated(withoutSpans, f.start(1), f.end(1))) {
          absent.add(f.group(1));
        } else if (!negatedBefore(withoutSpans, f.start())) {
          paths.add(f.group(1));
        }
      }
      SymbolSpan.envFlagsIn(withoutSpans).forEach(e -> symbols.add(e.name() + "=" + e.value()));
      paths.remove(reference);
      paths.removeAll(absent);
      paths.forEach(p -> claims.add(new Claim(Claim.Kind.PATH, no, p, null, badge)));
      absent.forEach(p -> claims.add(new Claim(Claim.Kind.ABSENT, no, p, null, badge)));
      if (!reference.isEmpty()) {
        claims.add(new Claim(Claim.Kind.REFERENCE, no, reference, null, badge));
      }
      commands.forEach(c -> claims.add(new Claim(Claim.Kind.COMMAND, no, c, c, badge)));
      symbols.forEach(s -> claims.add(new Claim(Claim.Kind.SYMBOL, no, s, null, badge)));
      String workflow = paths.stream().filter(p -> p.startsWith(".github/workflows/")).findFirst().orElse("");
      claims.addAll(statusClaims(no, withoutSpans, badge, commands, workflow));
      claims.addAll(prose.of(no, line, withoutSpans, !commands.isEmpty(), !workflow.isEmpty(), badge));
    }
    if (isStateReport(lines)) {
      claims.add(new Claim(Claim.Kind.PROMPT, lineOf(lines, prompt), prompt, null));
      for (String title : SectionTitles.TITLES) {
        claims.add(new Claim(Claim.Kind.SECTION, sectionLine(lines, title), title, null));
      }
    }
    return claims;
  }

  /**
   * The status a line claims for the commands it cites, or for the workflow it names. A FAIL badge says the command
   * fails ("**FAIL** Smokes: 11 passed, 3 failed · `pytest`" claims the failures, not the 11 passes); WARN, UNKNOWN,
   * SKIPPED and INFO badges claim no pass or fail of the command they cite.
   */
  private static List<Claim> statusClaims(int no, String text, Status badge, List<String> commands,
                                          String workflow) {
    Matcher status = STATUS_WORDS.matcher(text);
    Matcher failed = FAILURE_WORDS.matcher(text);
    String word;
    if (badge == Status.FAIL) {
      if (!failed.find() || commands.isEmpty()) {
        return List.of(); // a failing workflow is CI's fact (ci.run.*), told by its badge
      }
      word = failed.group(1).toLowerCase(Locale.ROOT);
    } else if (badge != null && badge != Status.PASS || !status.find()) {
      return List.of();
    } else {
      word = status.group(1).toLowerCase(Locale.ROOT);
    }
    if (!commands.isEmpty()) {
      return commands.stream().map(c -> new Claim(Claim.Kind.STATUS, no, word, c, badge)).toList();
    }
    return workflow.isEmpty() ? List.of() : List.of(new Claim(Claim.Kind.CI_STATUS, no, word, workflow, badge));
  }

  /** The status badge a bullet or a footnote wears ("- **FAIL** ...", "[^id]: **UNKNOWN** ..."), or null. */
  static Status badge(String line) {
    Matcher b = BADGE.matcher(line);
    return b.lookingAt() ? Status.valueOf(b.group(1)) : null;
  }

  /**
   * A state report has the seed's title ("State of ...") as a heading or several of its sections; only such a report
   * is held to the prompt and the sections. Another document (a patch ledger, notes) is checked for what it claims.
   */
  /**
   * Prose as a reader sees it: Markdown's backslash escapes and the entities forkstate writes for repository text
   * (\_\_init\_\_.py, &lt;url>) are undone, so an escaped path is the path it names.
   */
  static String unescape(String text) {
    return MARKDOWN_ESCAPE.matcher(text).replaceAll("$1").replace("&lt;", "<").replace("&amp;", "&");
  }

  /**
   * A bare file name after a negation in its clause ("no packaging file at HEAD (pyproject.toml, ...)") is named as
   * absent, not claimed to exist; cited names in code spans are still checked.
   */
  private static boolean negatedBefore(String text, int at) {
    String before = text.substring(0, at);
    int clause = Math.max(Math.max(before.lastIndexOf(';'), before.lastIndexOf('·')),
        Math.max(before.lastIndexOf('—'), before.lastIndexOf('|')));
    return NEGATION.matcher(before.substring(clause + 1)).find();
  }

  public static boolean isStateReport(String report) {
    return isStateReport(report.split("\r\n|\r|\n", -1));
  }

  private static boolean isStateReport(String[] lines) {
    for (String l : lines) {
      if (l.matches("#{1,2}\\s+State of\\b.*")) {
        return true;
      }
    }
    return SectionTitles.TITLES.stream().filter(t -> sectionLine(lines, t) > 0).count() >= STATE_REPORT_SECTIONS;
  }

  static boolean isCommand(String span) {
    if (!span.contains(" ") || span.startsWith("-") || span.matches(".*\\s(==|!=)\\s.*")) {
      return false;
    }
    String[] tokens = span.split("\\s+");
    int i = 0;
    while (i < tokens.length && ASSIGNMENT.matcher(tokens[i]).matches()) {
      i++;
    }
    if (i >= tokens.length) {
      return false;
    }
    String program = tokens[i];
    if (Character.isDigit(program.charAt(0))) {
      return false; // "400 INVALID_ARGUMENT" is an HTTP status, not a program
    }
    return PROGRAM.matcher(program).matches() && !program.contains("(") && !span.contains("(...")
        && !span.matches(".*[A-Za-z_]\\(.*");
  }

  static boolean isPath(String span) {
    if (!PATH.matcher(span).matches() || span.contains("..")) {
      return false;
    }
    return span.contains("/") || EXTENSION.matcher(span).matches();
  }

  /** The 1-based line where the text appears, or 0 when it does not. */
  private static int lineOf(String[] lines, String text) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The line of a section title, as a heading or as a plain line, with or without a remark in brackets. */
  private static int sectionLine(String[] lines, String title) {
    String want = SectionTitles.normalise(title);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip().replaceFirst("^#{1,6}\\s+", "");
      if (l.length() > 100) {
        continue;
      }
      if (SectionTitles.normalise(l).equals(want)
          || SectionTitles.normalise(l.replaceFirst("\\s*\\([^()]*\\)\\s*$", "")).equals(want)) {
        return i + 1;
      }
    }
    return 0;
  }
}
