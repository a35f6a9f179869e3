package dev.forkstate.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void namesThatLookSecret() {
    assertThat(Redactor.looksSecret("OPENAI_API_KEY")).isTrue();
    assertThat(Redactor.looksSecret("GITHUB_TOKEN")).isTrue();
    assertThat(Redactor.looksSecret("GH_PAT")).isTrue();
    assertThat(Redactor.looksSecret("db_password")).isTrue();
    assertThat(Redactor.looksSecret("GIT_AUTHOR_NAME")).isFalse();
    assertThat(Redactor.looksSecret("KEYBOARD_LAYOUT")).isFalse();
    assertThat(Redactor.looksSecret("PATH")).isFalse();
  }

  /** The names issue 15 found unredacted, and their family: a part, a word with no separator, a suffix. */
  /** The parts are split at '_', '.' and '-' however they are repeated or placed, as a split on [_.-] did. */
  @Test
  void namesSplitAtEverySeparatorWhereverItStands() {
    for (String name : new String[] {"_TOKEN", "TOKEN_", "A__KEY", "A.-KEY", "-PAT-", "my.api-key", "X..DSN..Y",
        "AUTH", "_", "", "__", "KEY_BOARD", "GH-PAT"}) {
      boolean bySplit = false;
      for (String part : name.toUpperCase(java.util.Locale.ROOT).split("[_.-]")) {
        bySplit |= java.util.Set.of("KEY", "TOKEN", "PAT", "DSN", "AUTH").contains(part);
      }
      assertThat(Redactor.looksSecret(name)).as(name).isEqualTo(bySplit);
    }
  }

  @Test
  void widerNamesLookSecret() {
    for (String name : List.of("REDIS_PASS", "SMTP_PASS", "GITHUBTOKEN", "SLACK_WEBHOOK_URL", "SLACKWEBHOOK",
        "DB_PASSWD", "MYSQL_PWD", "SENTRY_DSN", "DATABASE_DSN", "DBPASSWORD", "DBPASS", "NPM_TOKENS", "AWS_SECRETS",
        "GPG_PASSPHRASE", "REGISTRY_CREDS", "SESSION_COOKIE", "hf_token", "APIKEY", "X_APIKEY_VALUE")) {
      assertThat(Redactor.looksSecret(name)).as(name).isTrue();
    }
    // Folders, programs and host lists that only look alike.
    for (String name : List.of("PWD", "OLDPWD", "GIT_ASKPASS", "SSH_ASKPASS", "NO_PROXY_BYPASS", "PASSENGER_HOME",
        "HOME", "LANG", "PYTHONPATH", "COMPASS_DIR")) {
      assertThat(Redactor.looksSecret(name)).as(name).isFalse();
    }
  }

  @Test
  void redactsValuesLongestFirstAndUrlUserInfo() {
    Redactor r = Redactor.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-abcdefgh", "OTHER_TOKEN",
        "sk-abcdefgh-longer", "SHORT_KEY", "abc", "HOME", "/root/home-dir"));
    assertThat(r.redact("a sk-abcdefgh-longer b sk-abcdefgh c abc /root/home-dir"))
        .isEqualTo("a [REDACTED] b [REDACTED] c abc /root/home-dir");
    assertThat(r.redact("https://x-access-token:ghs_zzz@github.com/o/r.git and https://ghp_only@github.com/x"))
        .isEqualTo("https://[REDACTED]@github.com/o/r.git and https://[REDACTED]@github.com/x");
    assertThat(r.redact("")).isEmpty();
  }

  @Test
  void plainAccountNamesInSshUrlsStay() {
    assertThat(Redactor.none().redact("ssh://git@github.com/o/r.git")).isEqualTo("ssh://git@github.com/o/r.git");
    assertThat(Redactor.none().redact("ssh://git:hunter2hunter2@host/x")).isEqualTo("ssh://[REDACTED]@host/x");
  }

  /** Issue 15: REDIS_PASS, SMTP_PASS, GITHUBTOKEN and SLACK_WEBHOOK_URL were not redacted. */
  @Test
  void theNamesIssue15FoundAreRedacted() {
    Redactor r = Redactor.fromEnvironment(Map.of("REDIS_PASS", "r3dis-pass-canary", "SMTP_PASS", "smtp-canary-99",
        "GITHUBTOKEN", "plain-looking-token-1", "SLACK_WEBHOOK_URL", "https://example.invalid/hook/abc123456"));
    assertThat(r.redact(
        "r3dis-pass-canary smtp-canary-99 plain-looking-token-1 https://example.invalid/hook/abc123456"))
        .isEqualTo("[REDACTED] [REDACTED] [REDACTED] [REDACTED]");
  }

  /** A password inside a URL-valued variable is masked wherever it appears alone too. */
  @Test
  void aUrlPasswordIsASecretOnItsOwn() {
    Redactor r = Redactor.fromEnvironment(Map.of("DATABASE_URL", "postgres://app:Pg-Secret-771@db:5432/app"));
    assertThat(r.redact("FATAL: password Pg-Secret-771 rejected")).isEqualTo("FATAL: password [REDACTED] rejected");
  }

  /** Tokens recognised by their value, in no variable at all. */
  @Test
  void wellKnownTokenShapesAreRedactedWherever() {
    List<String> tokens = List.of("sk-canary123456789", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t",
        "sk-ant-api03-abcDEF123456ghiJKL", "ghp_0123456789abcdefghijABCDEFGHIJ012345",
        "gho_0123456789abcdefghijABCDEFGHIJ012345", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKl", "xoxp-1234567890-abcdefghij", "AKIAIOSFODNN7EXAMPLE",
        "glpat-abcdefghij0123456789", "hf_abcdefghijklmnopqrstuvwxyzABCDEF",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "AIzaSyA1234567890abcdefghijklmnopqrstuv", "sk_live_abcdefghij0123456789");
    for (String t : tokens) {
      assertThat(Redactor.none().redact("id test_param[" + t + "] and \"" + t + "\""))
          .as(t).isEqualTo("id test_param[[REDACTED]] and \"[REDACTED]\"");
    }
    assertThat(Redactor.none().redact("post to https://hooks.slack.com/services/T000/B000/XXXXXXXX now"))
        .isEqualTo("post to https://hooks.slack.com/[REDACTED] now");
    assertThat(Redactor.none().redact("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----"))
        .isEqualTo("key:\n[REDACTED]");
  }

  /** Ordinary data must survive: redact values, not names; a sha, a test about tokens, a branch are not secrets. */
  @Test
  void ordinaryDataIsNotMistakenForASecret() {
    List<String> ordinary = List.of("328fd7edab6300157cf3b516b81ad36c3ff026a6",
        "tests/test_auth.py::test_token_refresh", "test_github_token_is_read", "sk-learn-compat", "sk-2024-upgrade",
        "fork/sk-2024-01-15-hotfix", "risk-1234567890abc", "task-queue-2024-runner",
        "GITHUB_TOKEN", "ghp_short", "hf_hub_download", "xoxo-gossip", "AKIA is a prefix", "eyJhbGciOiJIUzI1NiJ9",
        "fork/stable", "upstream/main", "ssh://git@github.com/o/r.git", "https://github.com/o/r",
        "OPENAI_API_KEY is not set", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    for (String s : ordinary) {
      assertThat(Redactor.none().redact(s)).as(s).isEqualTo(s);
    }
  }

  /** Text redaction also finds a secret in the escaped forms the outputs give it (issue 15: " \ -- >). */
  @Test
  void escapedFormsOfAKnownSecretAreMasked() throws Exception {
    String secret = "pa\"ss\\wo--rd>x1";
    Redactor r = Redactor.fromEnvironment(Map.of("REDIS_PASS", secret));
    String json = new ObjectMapper().writeValueAsString(Map.of("m", secret));
    assertThat(json).doesNotContain(secret);
    assertThat(r.redact(json)).isEqualTo("{\"m\":\"[REDACTED]\"}");
    String comment = json.replace("--", "-\\u002d").replace(">", "\\u003e");
    assertThat(r.redact(comment)).isEqualTo("{\"m\":\"[REDACTED]\"}");
    assertThat(r.redact("pa&quot;ss\\wo--rd&gt;x1")).isEqualTo("[REDACTED]");
    assertThat(r.redact("pa%22ss%5Cwo--rd%3Ex1")).isEqualTo("[REDACTED]");
  }

  /** A secret forkstate obtains while running (gh auth token) is masked from then on, by every holder. */
  @Test
  void aRememberedSecretIsMaskedByTheSameInstance() {
    Redactor r = Redactor.none();
    r.remember("plain-words-token");
    r.remember("abc"); // too short to mask without eating ordinary words
    assertThat(r.redact("x plain-words-token abc")).isEqualTo("x [REDACTED] abc");
    Redactor copy = r.with("another-secret");
    assertThat(copy.redact("plain-words-token another-secret")).isEqualTo("[REDACTED] [REDACTED]");
    assertThat(r.redact("another-secret")).isEqualTo("another-secret");
  }
}
