package dev.forkstate.collect.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real fork committed an OpenAI key ({@code OPENAI_API_KEY = "sk-proj-..."}) in a root script and the report said
 * "no new credentials", nothing else: the key's place is now a WARN and a risk, and the key itself is in no fact.
 */
class CommittedSecretsCollectorTest {
  @TempDir Path tmp;

  /** Built at run time so that no scanner flags this source file. */
  private static final String KEY = "sk-" + "proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";

  @Test
  void addedLinesAreScannedWithTheirLineNumbersAndOnlyPlaceIsKept() {
    String diff = """
        diff --git a/test_bb.py b/test_bb.py
        new file mode 100644
        --- /dev/null
        +++ b/test_bb.py
        @@ -0,0 +1,3 @@
        +import openai
        +OPENAI_API_KEY = "%s"
        +openai.api_key = OPENAI_API_KEY
        diff --git a/README.md b/README.md
        --- a/README.md
        +++ b/README.md
        @@ -10 +10,2 @@ intro
        -old key "%s"
        +export OPENAI_API_KEY=sk-1234
        +see https://user:s3cretpassw0rd@example.com/x
        diff --git "a/caf\\303\\251.env" "b/caf\\303\\251.env"
        --- "a/caf\\303\\251.env"
        +++ "b/caf\\303\\251.env"
        @@ -1,0 +2 @@
        +GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789
        """.formatted(KEY, KEY);
    assertThat(CommittedSecretsCollector.scan(diff).stream().map(Phrase::plain)).containsExactly(
        "test_bb.py line 2", "README.md line 11", "caf\\303\\251.env line 2");
  }

  @Test
  void aKeyTheForkCommittedIsAWarningNamingFileAndLineNeverTheValue() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.write("test_bb.py", "OPENAI_API_KEY = \"" + KEY + "\"\nimport openai\n").commit("test_2");
    FactSet facts = Collecting.judged(new CommittedSecretsCollector(), fork.dir(), "", env, true);
    Fact f = facts.get(FactIds.UPSTREAM_SECRETS).orElseThrow();
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.summary()).isEqualTo("1 secret-shaped value on lines the fork added (value withheld)");
    assertThat(Shown.items(f.value())).containsExactly("`test_bb.py` line 1");
    assertThat(f.reason()).startsWith("a real key stays in the history once pushed: rotate it");
    assertThat(f.toString()).doesNotContain(KEY).doesNotContain("Ab3dEf6h");
    assertThat(f.evidence()).allSatisfy(e -> assertThat(e.excerpt()).isEmpty());
  }

  @Test
  void noKeyIsAPassAndNoUpstreamIsUnknown() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.write("pkg/x.py", "API_KEY = os.environ['OPENAI_API_KEY']\n").commit("reads a key");
    assertThat(Collecting.judged(new CommittedSecretsCollector(), fork.dir(), "", env, true)
        .get(FactIds.UPSTREAM_SECRETS).orElseThrow().status()).isEqualTo(Status.PASS);
    fork.git("remote", "remove", "upstream");
    assertThat(Collecting.judged(new CommittedSecretsCollector(), fork.dir(), "", env, true)
        .get(FactIds.UPSTREAM_SECRETS).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
  }
}
