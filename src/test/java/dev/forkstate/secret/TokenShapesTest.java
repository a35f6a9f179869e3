package dev.forkstate.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link TokenShapes#redact} (expressions tried only where a shape's literal stands) must mask
 * exactly what the plain search through the whole text masks ({@link TokenShapes#redactPlain}).
 */
class TokenShapesTest {
  /** Pieces that make tokens, near misses, escaped forms, URLs, and the characters at a token's edges. */
  private static final List<String> PIECES = List.of("sk-", "sk-proj-", "sk-ant-", "sk-svcacct-", "ghp_", "gho_", "gh",
      "ghx_", "github_pat_", "glpat-", "glrt-", "gl", "xoxb-", "xoxz-", "hf_", "AKIA", "ASIA", "AIza", "sk_live_",
      "rk_test_", "sk_", "eyJ", ".eyJ", ".", "https://hooks.slack.com/", "services/", "workflows/",
      "https://discord.com/api/webhooks/", "https://ptb.discordapp.com/api/webhooks/", "/api/webhooks/",
      "https://canary.discord.com/api/webhooks/", "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----",
      "-----BEGIN ", "-----", "://", "https://", "HTTPS://", "postgres://", "ssh://git@", "git", "user", "Git", ":",
      "@", "@@", " ", "\n", "\t", "\u000B", "\r\n", "é", "\u2028", "\\u002d", "%2D", "\\\"", "\"", "'", "<", ">", "/",
      "_", "-", "risk-", "task-", "[REDACTED]", "0", "Z");
  private static final int[] LENGTHS = {8, 10, 12, 16, 20, 30, 35};
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  @Test
  void theFastPathMasksWhatThePlainSearchMasks() {
    Random random = new Random(18);
    int changed = 0;
    for (int n = 0; n < 15_000; n++) {
      String text = generate(random);
      String fast = TokenShapes.redact(text, Redactor.MASK);
      assertThat(fast).as("redacting %s", text).isEqualTo(TokenShapes.redactPlain(text, Redactor.MASK));
      if (!fast.equals(text)) {
        changed++;
      }
    }
    // Not a vacuous comparison: a good share of the texts held something to mask.
    assertThat(changed).isGreaterThan(1_500);
  }

  @Test
  void tokensAtTheEdgesAndSideBySide() {
    String ghp = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    List<String> texts = List.of(ghp, ghp + " " + ghp, ghp + "-" + ghp, "x" + ghp, ghp + "x", "sk-abc123def456ghi",
        "sk-abc123def456ghi,sk-abc123def456ghi", "https://hooks.slack.com/services/T000/B000/XXXX",
        "https://u:p@host https://git@host ssh://GIT@host x://@host", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLEX",
        "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----",
        "-----BEGIN A PRIVATE KEY-----x-----BEGIN B PRIVATE KEY-----y-----END C PRIVATE KEY-----z", "",
        "://", "@://@", "eyJ", "a\u000Bhttps://a:b@c");
    for (String text : texts) {
      assertThat(TokenShapes.redact(text, Redactor.MASK)).as(text)
          .isEqualTo(TokenShapes.redactPlain(text, Redactor.MASK));
    }
    assertThat(TokenShapes.redact(ghp + "-" + ghp, Redactor.MASK)).isEqualTo(ghp + "-" + ghp); // no edge: no token
    assertThat(TokenShapes.redact(ghp + " " + ghp, Redactor.MASK)).isEqualTo("[REDACTED] [REDACTED]");
  }

  private static String generate(Random random) {
    StringBuilder sb = new StringBuilder();
    int pieces = 1 + random.nextInt(24);
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(3) == 0) {
        // The shapes' length limits and one either side, or any length.
        int len = random.nextBoolean() ? LENGTHS[random.nextInt(LENGTHS.length)] + random.nextInt(3) - 1
            : random.nextInt(45);
        String alphabet = random.nextInt(4) == 0 ? ALNUM.substring(26, 62) : ALNUM;
        for (int j = 0; j < len; j++) {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      } else {
        sb.append(PIECES.get(random.nextInt(PIECES.size())));
      }
    }
    return sb.toString();
  }
}
