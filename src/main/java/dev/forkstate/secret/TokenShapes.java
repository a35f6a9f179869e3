package dev.forkstate.secret;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets recognised by their value alone, wherever they appear: the published prefixes of well-known tokens, JSON
 * web tokens, a Slack webhook's path. Each shape is strict enough that ordinary data (a sha, a test named
 * {@code test_token_refresh}, a branch {@code sk-learn-compat}) does not match: a prefix, a minimum length, and for
 * the short prefixes a digit among letters. Redacting a harmless value hides a word; missing a token leaks it, so the
 * lengths sit below the real tokens' (ghp_ tokens have 36 characters after the prefix, sk- keys 32 or more).
 */
final class TokenShapes {
  /** Not a letter, digit, '_' or '-' before the match: "risk-1234..." is not an OpenAI key. */
  private static final String START = "(?<![A-Za-z0-9_-])";
  private static final String END = "(?![A-Za-z0-9_-])";

  private static final List<Pattern> SHAPES = List.of(
      // OpenAI, DeepSeek and many OpenAI-compatible gateways: sk- and one run of 12 or more letters and digits,
      // with both in it; the prefixed kinds (sk-proj-, sk-ant-api03-, sk-svcacct-) may hold - and _ too. A branch
      // "sk-2024-upgrade" or "sk-learn-compat" is not a key.
      Pattern.compile(START + "sk-(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{12,}" + END),
      Pattern.compile(START + "sk-(?:proj|ant|svcacct|admin|or)-[A-Za-z0-9_-]{16,}" + END),
      // GitHub: personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_).
      Pattern.compile(START + "gh[pousr]_[A-Za-z0-9]{20,}" + END),
      Pattern.compile(START + "github_pat_[A-Za-z0-9_]{20,}" + END),
      // GitLab personal, pipeline-trigger, deploy and runner tokens.
      Pattern.compile(START + "gl(?:pat|ptt|dt|rt)-[A-Za-z0-9_-]{20,}" + END),
      // Slack bot, user, app, refresh and configuration tokens.
      Pattern.compile(START + "xox[abposre]-[A-Za-z0-9-]{10,}" + END),
      // Hugging Face.
      Pattern.compile(START + "hf_[A-Za-z0-9]{30,}" + END),
      // AWS access key ids (long-term AKIA, temporary ASIA).
      Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"),
      // Google API keys.
      Pattern.compile(START + "AIza[A-Za-z0-9_-]{35}" + END),
      // Stripe secret and restricted keys.
      Pattern.compile(START + "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}" + END),
      // JSON web tokens: header and payload are base64url JSON objects, so both start with "eyJ".
      Pattern.compile(START + "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}" + END),
      // Webhook URLs whose path is the credential (Slack, Discord): the host stays, the path goes.
      Pattern.compile("(?<=https://hooks\\.slack\\.com/)(?:services|workflows|triggers)/[A-Za-z0-9_/-]+"),
      Pattern.compile("(?<=https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/)[A-Za-z0-9_/-]+"),
      // A private key block, e.g. a PEM pasted into a failure message.
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));

  /**
   * URL user info: {@code scheme://user:password@} loses user and password; {@code scheme://user@} loses the user
   * unless it is one of the plain account names ssh and git URLs use, since a token often sits there alone
   * ({@code https://ghp_x@github.com}, a Sentry DSN's public key).
   */
  private static final Pattern URL_USERINFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/@\\s:\"'<>]+)(:[^/@\\s\"'<>]*)?@");
  private static final java.util.Set<String> PLAIN_USERS = java.util.Set.of("git", "hg", "ssh", "anonymous");

  private TokenShapes() {}

  static String redact(String text, String mask) {
    String out = text;
    for (Pattern p : SHAPES) {
      Matcher m = p.matcher(out);
      if (m.find()) {
        out = m.replaceAll(Matcher.quoteReplacement(mask));
      }
    }
    Matcher m = URL_USERINFO.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      boolean plain = m.group(3) == null && PLAIN_USERS.contains(m.group(2).toLowerCase(java.util.Locale.ROOT));
      m.appendReplacement(sb, Matcher.quoteReplacement(plain ? m.group() : m.group(1) + mask + "@"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
