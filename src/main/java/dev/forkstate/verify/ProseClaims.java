package dev.forkstate.verify;

import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims written as prose, found line by line with the code spans already blanked: status words with no command
 * ("All smoke tests pass", "Smokes: 250 passed", "40% faster", "deterministic"), a branch's merge status ("Status: Do
 * not merge" under "Branch: x"), and prepared upstream pull requests ("three safe PRs prepared"). Pure text work.
 */
final class ProseClaims {
  static final Pattern STATUS = Pattern.compile("(?i)\\b(\\d[\\d,]* (?:tests? )?passed|[0-9]+ fail(?:ures|ed)"
      + "|no failures|all (?:the )?(?:smoke |unit )?(?:tests|smokes) pass(?:es|ed)?|smokes? pass(?:es|ed)?(?! rate)"
      + "|tests? pass(?:es|ed)?|(?:ci|build|pipeline|tests|smokes) (?:is |are )?(?:all )?green"
      + "|(?<![\\w-])green(?![\\w-])"
      + "|\\d+(?:\\.\\d+)?\\s*% (?:faster|slower|less|more|fewer)|deterministic|parity)\\b");
  private static final Pattern BRANCH_LABEL = Pattern.compile("(?i)\\bbranch(?:es)?:\\s*`?([A-Za-z0-9_][\\w./-]*"
      + "[\\w-])`?");
  private static final Pattern MERGE_STATUS = Pattern.compile("(?i)\\b(do not merge|don't merge|not merged|"
      + "already merged|is merged|was merged|merged into)\\b");
  private static final Pattern PREPARED = Pattern.compile("(?i)\\b(one|two|three|four|five|six|\\d+)\\s+(?:\\w+\\s+)?"
      + "(?:upstream\\s+)?(?:PRs|pull requests|PR branches)\\s+(?:are\\s+)?(prepared|ready|opened)\\b");
  /** A line that tells the reader what to do ("Ensure the job is green") states no fact. */
  private static final Pattern IMPERATIVE = Pattern.compile("(?i)\\s*(?:[-*]|\\d+[.)])?\\s*(?:\\w+:\\s*)?(?:ensure|"
      + "expect|verify|check|confirm|run|make sure|keep|add|assert|gate|consider|expand|capture|open|continue|"
      + "stop|start)\\b.*");
  /** Sections of plans and targets: their status words are goals, not claims. */
  private static final Pattern PLAN_SECTION = Pattern.compile("(?i).*(next steps|now/next/later|metrics|slis?\\b|"
      + "risks|stop/start|plan|technical debt|todo|roadmap).*");
  private static final Pattern HEADING = Pattern.compile("\\s*(?:#{1,6}\\s+)?([^-*\\s|][^|]{0,70})");

  private static final Pattern NEGATION = Pattern.compile("(?i)\\b(not|no|never|isn't|aren't|cannot|can't|without|"
      + "nor|unless|until|if)\\b");

  private boolean inPlan;

  /** A status phrase that claims failures ("3 failed", "1 failure"), not their absence ("0 failed"). */
  static final Pattern FAILURES = Pattern.compile("(?i)[1-9][\\d,]* (?:tests? )?fail(?:ures?|ed)");

  private static final Pattern PULL_REQUEST = Pattern.compile("(?i)\\b(?:PR|pull request) #(\\d+)\\b");

  /** How far back a "Branch:" line still names the branch a status line speaks of. */
  private static final int BRANCH_REACH = 4;

  private String lastBranch = "";
  private int lastBranchLine = -100;

  /** The claims of one line; {@code line} as written, {@code withoutSpans} with its code spans blanked. */
  List<Claim> of(int no, String line, String withoutSpans, boolean hasCommand, boolean namesWorkflow) {
    return of(no, line, withoutSpans, hasCommand, namesWorkflow, null);
  }

  /**
   * As above, on a line that wears {@code badge} (null for none). A FAIL badge claims failures: of its status words
   * only a failure count ("3 failed") is a claim, checked as such; a WARN, UNKNOWN, SKIPPED or INFO badge says what
   * the line is ("could not run", "not repeated"), so its status words claim no pass.
   */
  List<Claim> of(int no, String line, String withoutSpans, boolean hasCommand, boolean namesWorkflow,
                 Status badge) {
    List<Claim> out = new ArrayList<>();
    String here = "";
    Matcher label = BRANCH_LABEL.matcher(line);
    if (label.find()) {
      here = label.group(1);
      lastBranch = here;
      lastBranchLine = no;
      if (!line.contains("`" + here + "`")) {
        out.add(new Claim(Claim.Kind.PATH, no, here, null)); // a name to resolve like any other (spans already are)
      }
    }
    Matcher merge = MERGE_STATUS.matcher(withoutSpans);
    if (merge.find()) {
      String branch = !here.isEmpty() ? here : no - lastBranchLine <= BRANCH_REACH ? lastBranch : "";
      if (!branch.isEmpty()) {
        out.add(new Claim(Claim.Kind.BRANCH_STATUS, no, branch, merge.group(1).toLowerCase(Locale.ROOT)));
      }
    }
    Matcher pr = PULL_REQUEST.matcher(withoutSpans);
    while (pr.find()) {
      out.add(new Claim(Claim.Kind.PULL_REQUEST, no, pr.group(1), here.isEmpty() ? null : here));
    }
    Matcher prepared = PREPARED.matcher(withoutSpans);
    if (prepared.find()) {
      out.add(new Claim(Claim.Kind.PRS_PREPARED, no, prepared.group(0), null));
    }
    Matcher heading = HEADING.matcher(line);
    if (heading.matches() && !line.strip().endsWith(".") && !line.contains(":")) {
      inPlan = PLAN_SECTION.matcher(heading.group(1)).matches();
    }
    boolean claimsStatus = badge == null || badge == Status.PASS || badge == Status.FAIL;
    if (claimsStatus && !hasCommand && !namesWorkflow && !inPlan && !IMPERATIVE.matcher(withoutSpans).matches()) {
      Matcher status = STATUS.matcher(withoutSpans);
      while (status.find()) {
        boolean failures = FAILURES.matcher(status.group(1)).matches();
        if (!negated(withoutSpans, status.start()) && (badge != Status.FAIL || failures)) {
          out.add(new Claim(Claim.Kind.PROSE_STATUS, no, status.group(1), null, badge));
          break;
        }
      }
    }
    return out;
  }

  /** "not proven green", "no claim of green CI": a negation earlier in the same clause. */
  static boolean negated(String text, int at) {
    String before = text.substring(0, at);
    int clause = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')), before.lastIndexOf(':'));
    return NEGATION.matcher(before.substring(clause + 1)).find();
  }

  /** "three" is 3; a number is itself; 0 when it is neither. */
  static int count(String phrase) {
    String first = phrase.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    List<String> words = List.of("zero", "one", "two", "three", "four", "five", "six");
    int i = words.indexOf(first);
    if (i >= 0) {
      return i;
    }
    return first.matches("\\d+") ? Integer.parseInt(first) : 0;
  }
}
