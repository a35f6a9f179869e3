package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.TestEnv;
import dev.forkstate.verify.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `verify` on the report `generate` just wrote finds nothing FALSE, wherever the config lives (the demo's own report
 * is checked in GenerateReportTest, which builds the demo once).
 */
public class VerifyOwnReportTest {
  @TempDir Path tmp;

  public static String falseClaims(VerifyReport.Result r) {
    return String.join("\n", r.claims().stream().filter(c -> c.verdict() == Verdict.FALSE)
        .map(c -> c.claim().line() + " " + c.claim().subject() + ": " + c.evidence().plain()).toList());
  }

  private VerifyReport.Result generateThenVerify(Path repo, Path config, Map<String, String> env) throws Exception {
    Path out = tmp.resolve("report-" + repo.getFileName() + ".md");
    new GenerateReport().run(new GenerateRequest(repo, out.toString(), GenerateRequest.Format.MD, true, config, env));
    return new VerifyReport().run(new VerifyReport.Request(repo, out, false, false, config, env));
  }

  @Test
  void aConfigOutsideTheRepositoryIsNamedAndNotCalledAMissingPath() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("pkg/__init__.py", "").write("tests/test_ok.py", "def test_ok():\n    assert True\n").commit("base");
    GitScript fork = up.cloneTo(tmp.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.write("pkg/extra.py", "X = 1\n").commit("fork work");
    Path config = tmp.resolve("elsewhere/settings.yml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "fork_branch: main\nupstream_ref: upstream/main\nsmokes:\n  - name: smokes\n"
        + "    command: pytest -q tests\nhappypath:\n  determinism_runs: 1\n");
    VerifyReport.Result r = generateThenVerify(fork.dir(), config, env);
    String md = Files.readString(tmp.resolve("report-fork.md"));
    assertThat(md).contains("(" + config.toAbsolutePath().normalize() + ")").doesNotContain("(forkstate.yml)");
    assertThat(falseClaims(r)).isEmpty();

    // The usual first run: init's forkstate.yml in the repository, not committed yet.
    Files.copy(config, fork.dir().resolve("forkstate.yml"));
    VerifyReport.Result inRepo = generateThenVerify(fork.dir(), null, env);
    assertThat(falseClaims(inRepo)).isEmpty();
    assertThat(inRepo.claims()).anyMatch(c -> c.claim().subject().equals("forkstate.yml")
        && c.evidence().plain().equals("forkstate.yml is the settings file forkstate read"));
  }
}
