package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed file that does not parse is never counted as clean: the rules say UNKNOWN and name it. */
class UnparsedFileTest {
  @TempDir
  Path tmp;

  @Test
  void aFileThatDoesNotParseMakesTheRulesUnknownNotPass() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript[] repos = Repos.fork(tmp, env);
    GitScript fork = repos[1];
    fork.write("fork/broken.py", "import os\nFLAG = os.environ.get('SNEAKY_FLAG'\n").commit("broken");
    FactSet facts = Collecting.judged(new HappyPathCollector(), fork.dir(),
        "fork_branch: fork/stable\nupstream_ref: upstream/main\n", env, true);
    Fact flags = facts.get(FactIds.HAPPYPATH_FLAGS).orElseThrow();
    assertThat(flags.status()).isEqualTo(Status.UNKNOWN);
    assertThat(flags.reason()).startsWith("1 changed Python file did not parse, so it was not checked: "
        + "fork/broken.py (SyntaxError: ");
    assertThat(facts.get(FactIds.HAPPYPATH_DEFAULTS).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
    assertThat(facts.get(FactIds.PYTHON_CHANGES).orElseThrow().status()).isEqualTo(Status.WARN);
  }

  @Test
  void aFileNameThatIsNotUtf8DoesNotStopTheRules() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript[] repos = Repos.fork(tmp, env);
    GitScript fork = repos[1];
    // Java cannot name such a file; the shell can (Latin-1 e-acute, 0xE9, is not UTF-8).
    assertThat(new ProcessBuilder("bash", "-c", "printf 'X = 1\\n' > \"$(printf 'fork/caf\\xe9.py')\"")
        .directory(fork.dir().toFile()).start().waitFor()).isZero();
    fork.git("add", "-A");
    fork.commit("a Latin-1 file name");
    FactSet facts = Collecting.judged(new HappyPathCollector(), fork.dir(),
        "fork_branch: fork/stable\nupstream_ref: upstream/main\n", env, true);
    Fact changes = facts.get(FactIds.PYTHON_CHANGES).orElseThrow();
    // Before: every rule UNKNOWN "happypath measurement failed (MalformedInputException)", a forkstate bug.
    assertThat(facts.all()).noneMatch(f -> f.reason().contains("MalformedInputException"));
    assertThat(changes.summary()).contains("(2 added, 1 modified"); // the Latin-1 name is counted
    // ...and shown as what it is, its odd byte escaped, not as U+FFFD.
    assertThat(facts.all().stream().map(f -> f.summary() + " " + f.reason() + " " + f.value()).toList())
        .anyMatch(s -> s.contains("fork/caf\\xe9.py")).noneMatch(s -> s.contains("\uFFFD"));
  }
}
