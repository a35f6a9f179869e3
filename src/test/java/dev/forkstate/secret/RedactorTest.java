package dev.forkstate.secret;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void redactsValuesLongestFirstAndUrlUserInfo() {
    Redactor r = Redactor.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-abcdefgh", "OTHER_TOKEN",
        "sk-abcdefgh-longer", "SHORT_KEY", "abc", "HOME", "/root/home-dir"));
    assertThat(r.redact("a sk-abcdefgh-longer b sk-abcdefgh c abc /root/home-dir"))
        .isEqualTo("a [REDACTED] b [REDACTED] c abc /root/home-dir");
    assertThat(r.redact("https://x-access-token:ghs_zzz@github.com/o/r.git and ssh://git@host/x"))
        .isEqualTo("https://[REDACTED]@github.com/o/r.git and ssh://[REDACTED]@host/x");
    assertThat(r.redact("")).isEmpty();
  }
}
