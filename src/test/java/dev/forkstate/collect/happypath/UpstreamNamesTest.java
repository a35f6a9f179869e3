package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One git grep for all names answers as one git grep -q per whole name does, overlapping names included. */
class UpstreamNamesTest {
  private static final Executor INLINE = Runnable::run;

  @TempDir
  Path tmp;

  @Test
  void oneGrepFindsWhatAGrepPerNameFinds() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = Repos.python(tmp.resolve("repo"), env, Map.of(
        "pkg/core.py", "ABC = 1\nTIMEOUT = os.environ.get('UPSTREAM_TIMEOUT', '30')\n",
        "docs/notes.txt", "FORK_ONLY_FLAG is not in a .py file\n"));
    GitCli git = new GitCli(g.dir(), new CommandRunner(env, Redactor.none()));
    // Whole names: "AB" and "BC" are only inside "ABC" (not upstream's); "TIMEOUT" is whole on its own line and
    // also inside a longer name; "FORK_ONLY_FLAG" is only in a file that is not Python; "--retries" is not anywhere.
    Set<String> names = new TreeSet<>(Set.of("AB", "BC", "ABC", "TIMEOUT", "UPSTREAM_TIMEOUT", "FORK_ONLY_FLAG",
        "--retries", "VALUE"));
    Set<String> perName = new TreeSet<>();
    for (String n : names) {
      if (git.run("grep", "-q", "-E", "-e", UpstreamNames.wholeName(n), "HEAD", "--", "*.py").ok()) {
        perName.add(n);
      }
    }
    assertThat(perName).containsExactly("ABC", "TIMEOUT", "UPSTREAM_TIMEOUT", "VALUE");
    assertThat(new TreeSet<>(UpstreamNames.found(git, INLINE, "HEAD", names))).isEqualTo(perName);
  }

  @Test
  void noMatchAtAllIsAnEmptyAnswerAndAFailedGrepFallsBackToOneGrepPerName() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = Repos.python(tmp.resolve("repo"), env, Map.of());
    GitCli git = new GitCli(g.dir(), new CommandRunner(env, Redactor.none()));
    assertThat(UpstreamNames.found(git, INLINE, "HEAD", Set.of("NOWHERE", "NEITHER"))).isEmpty();
    // A base that does not resolve: the batch fails, each name is asked alone and fails the same way (not found).
    assertThat(UpstreamNames.found(git, INLINE, "no-such-ref", Set.of("VALUE"))).isEmpty();
    assertThat(UpstreamNames.found(git, INLINE, "HEAD", Set.of("", "VALUE"))).containsExactlyInAnyOrder("", "VALUE");
  }

  @Test
  void everyNameIsOnePatternOfOneCommand() {
    assertThat(UpstreamNames.args("abc123", new TreeSet<>(Set.of("A_FLAG", "-x"))))
        .containsExactly("grep", "-h", "-I", "-F", "--no-color", "-e", "-x", "-e", "A_FLAG", "abc123", "--", "*.py");
  }
}
