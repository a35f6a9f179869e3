package dev.forkstate.secret;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets recognised by their value alone, wherever they appear: the published prefixes of well-known tokens, JSON
 * web tokens, a Slack webhook's path. Each shape is strict enough that ordinary data (a sha, a test named
 * {@code test_token_refresh}, a branch {@code sk-learn-compat}) does not match: a prefix, a minimum length, and for
 * the short prefixes a digit among letters. Redacting a harmless value hides a word; missing a token leaks it, so the
 * lengths sit below the real tokens' (ghp_ tokens have 36 characters after the prefix, sk- keys 32 or more).
 *
 * <p>Every command's whole output passes here (megabytes for a large fork's git log), and a regular expression that
 * looks behind at every character of it cost more than the git commands themselves. So each shape carries the
 * literal its every match starts with (or, for a webhook's path, follows): one pass over the text finds where those
 * literals stand ({@link ShapeCandidates}), and each shape's expression is tried only there, with the text around
 * visible to its look-behind and look-ahead. That finds exactly the matches a search through the whole text finds
 * ({@link #redactPlain}, the definition; {@code TokenShapesTest} compares both on generated text).
 */
final class TokenShapes {
  /** Not a letter, digit, '_' or '-' before the match: "risk-1234..." is not an OpenAI key. */
  private static final String START = "(?<![A-Za-z0-9_-])";
  private static final String END = "(?![A-Za-z0-9_-])";

  /**
   * A shape: its expression and the literals one of which starts every match ({@code after}: which every match
   * directly follows). The literals are a necessary condition only; the expression decides.
   */
  record Shape(Pattern pattern, List<String> literals, boolean after) {
    Shape(String regex, String... literals) {
      this(Pattern.compile(regex), List.of(literals), false);
    }
  }

  static final List<Shape> SHAPES = List.of(
      // OpenAI, DeepSeek and many OpenAI-compatible gateways: sk- and one run of 12 or more letters and digits,
      // with both in it; the prefixed kinds (sk-proj-, sk-ant-api03-, sk-svcacct-) may hold - and _ too. A branch
      // "sk-2024-upgrade" or "sk-learn-compat" is not a key.
      new Shape(START + "sk-(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{12,}" + END, "sk-"),
      new Shape(START + "sk-(?:proj|ant|svcacct|admin|or)-[A-Za-z0-9_-]{16,}" + END, "sk-"),
      // GitHub: personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_).
      new Shape(START + "gh[pousr]_[A-Za-z0-9]{20,}" + END, "gh"),
      new Shape(START + "github_pat_[A-Za-z0-9_]{20,}" + END, "github_pat_"),
      // GitLab personal, pipeline-trigger, deploy and runner tokens.
      new Shape(START + "gl(?:pat|ptt|dt|rt)-[A-Za-z0-9_-]{20,}" + END, "gl"),
      // Slack bot, user, app, refresh and configuration tokens.
      new Shape(START + "xox[abposre]-[A-Za-z0-9-]{10,}" + END, "xox"),
      // Hugging Face.
      new Shape(START + "hf_[A-Za-z0-9]{30,}" + END, "hf_"),
      // AWS access key ids (long-term AKIA, temporary ASIA).
      new Shape("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", "AKIA", "ASIA"),
      // Google API keys.
      new Shape(START + "AIza[A-Za-z0-9_-]{35}" + END, "AIza"),
      // Stripe secret and restricted keys.
      new Shape(START + "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}" + END, "sk_", "rk_"),
      // JSON web tokens: header and payload are base64url JSON objects, so both start with "eyJ".
      new Shape(START + "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}" + END, "eyJ"),
      // Webhook URLs whose path is the credential (Slack, Discord): the host stays, the path goes.
      new Shape(Pattern.compile("(?<=https://hooks\\.slack\\.com/)(?:services|workflows|triggers)/[A-Za-z0-9_/-]+"),
          List.of("https://hooks.slack.com/"), true),
      new Shape(
          Pattern.compile("(?<=https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/)[A-Za-z0-9_/-]+"),
          List.of("/api/webhooks/"), true),
      // A private key block, e.g. a PEM pasted into a failure message.
      new Shape("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----", "-----BEGIN "));

  /**
   * URL user info: {@code scheme://user:password@} loses user and password; {@code scheme://user@} loses the user
   * unless it is one of the plain account names ssh and git URLs use, since a token often sits there alone
   * ({@code https://ghp_x@github.com}, a Sentry DSN's public key). A match holds no white space, so it lies inside
   * one run of non-space characters that contains "://" and an '@' after it: only such runs are searched.
   */
  private static final Pattern URL_USERINFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/@\\s:\"'<>]+)(:[^/@\\s\"'<>]*)?@");
  static final String URL_MARK = "://";
  private static final Set<String> PLAIN_USERS = Set.of("git", "hg", "ssh", "anonymous");

  private TokenShapes() {}

  static String redact(String text, String mask) {
    String out = text;
    ShapeCandidates at = ShapeCandidates.scan(out);
    for (int k = 0; k < SHAPES.size(); k++) {
      int[] positions = at.of(k);
      if (positions.length == 0) {
        continue;
      }
      String next = replaceAt(SHAPES.get(k).pattern(), out, positions, mask);
      if (next != out) { // replaceAt returns the same string when nothing matched
        out = next;
        at = ShapeCandidates.scan(out); // the text moved: find the later shapes' literals anew
      }
    }
    return userInfo(out, at.urls(), mask);
  }

  /** Each shape replaced through the whole text, then URL user info: what {@link #redact} must equal. */
  static String redactPlain(String text, String mask) {
    String out = text;
    for (Shape s : SHAPES) {
      out = s.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(mask));
    }
    Matcher m = URL_USERINFO.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(userInfoReplacement(m, mask)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * The matches a search from the start would find, tried only at the ascending candidate positions: a match starts
   * at a candidate, and one that a match already covers is passed over, as the search resumes after each match.
   * Transparent bounds let the look-behind see the text before the candidate.
   */
  private static String replaceAt(Pattern p, String text, int[] positions, String mask) {
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    StringBuilder sb = null;
    int last = 0;
    for (int pos : positions) {
      if (pos < last || pos > text.length()) {
        continue;
      }
      m.region(pos, text.length());
      if (m.lookingAt()) {
        if (sb == null) {
          sb = new StringBuilder(text.length());
        }
        sb.append(text, last, m.start()).append(mask);
        last = m.end();
      }
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  /** URL user info, searched in each run of non-space characters around a "://" that has an '@' after it. */
  private static String userInfo(String text, int[] marks, String mask) {
    Matcher m = URL_USERINFO.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    StringBuilder sb = null;
    int last = 0;
    int searched = 0;
    for (int mark : marks) {
      if (mark < searched) {
        continue; // this run was searched already
      }
      int from = mark;
      while (from > 0 && !isSpace(text.charAt(from - 1))) {
        from--;
      }
      int to = mark + URL_MARK.length();
      while (to < text.length() && !isSpace(text.charAt(to))) {
        to++;
      }
      searched = to;
      int at = text.indexOf('@', mark);
      if (at < 0 || at >= to) {
        continue;
      }
      m.region(from, to);
      while (m.find()) {
        if (sb == null) {
          sb = new StringBuilder(text.length());
        }
        sb.append(text, last, m.start()).append(userInfoReplacement(m, mask));
        last = m.end();
      }
    }
    return sb == null ? text : sb.append(text, last, text.length()).toString();
  }

  private static String userInfoReplacement(Matcher m, String mask) {
    boolean plain = m.group(3) == null && PLAIN_USERS.contains(m.group(2).toLowerCase(Locale.ROOT));
    return plain ? m.group() : m.group(1) + mask + "@";
  }

  /** White space as the expressions' {@code \s} means it (no Unicode classes): space, \t, \n, \x0B, \f, \r. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
