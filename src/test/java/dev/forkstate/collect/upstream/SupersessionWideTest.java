package dev.forkstate.collect.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Supersession lists whole trees, not a pathspec, once the fork's commits touch more than a few dozen paths: the
 * judgement must be the same. A fork commit writing 80 files that upstream landed as one squash is superseded; one
 * that upstream holds all but one of is not; the fork's own file stays the fork's.
 */
class SupersessionWideTest {
  private static final String CONFIG = "fork_branch: fork/stable\nupstream_ref: upstream/main\nsmokes: []\n";

  @Test
  void aWideSquashSupersedesAndANearMissDoesNot(@TempDir Path tmp) {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("README.md", "# up\n").commit("base");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.git("switch", "-q", "-c", "fork/stable");
    for (int i = 0; i < 80; i++) {
      fork.write("wide/f" + i + ".py", "W = " + i + "\n");
    }
    fork.commit("wide: eighty files");
    String wide = fork.git("rev-parse", "--short", "HEAD").strip();
    for (int i = 0; i < 40; i++) {
      fork.write("near/f" + i + ".py", "N = " + i + "\n");
    }
    fork.commit("near: forty files");
    fork.write("own/x.py", "X = 1\n").commit("own: the fork's");

    GitScript later = new GitScript(up.dir(), env, 500);
    for (int i = 0; i < 80; i++) {
      later.write("wide/f" + i + ".py", "W = " + i + "\n");
    }
    for (int i = 0; i < 40; i++) {
      later.write("near/f" + i + ".py", "N = " + (i == 39 ? "'other'" : i) + "\n");
    }
    later.commit("land wide and most of near (squash)");
    String squash = later.git("rev-parse", "--short", "HEAD").strip();
    fork.git("fetch", "-q", "upstream");

    FactSet facts = Collecting.judged(new UpstreamabilityCollector(), fork.dir(), CONFIG, env, true);
    Fact sup = facts.get(FactIds.UPSTREAM_PATCHES_SUPERSEDED).orElseThrow();
    assertThat(Shown.summary(sup)).startsWith("1 of 3 non-merge fork commits superseded by upstream");
    assertThat(Shown.items(sup.value())).hasSize(1).first().asString()
        .startsWith("`" + wide + "` wide: eighty files: superseded by `" + squash + "` land wide and most of near");
    assertThat(Shown.summary(facts.get(FactIds.UPSTREAM_PATCHES_FORK_ONLY).orElseThrow()))
        .startsWith("2 of 3 non-merge fork commits are fork-only");
  }
}
