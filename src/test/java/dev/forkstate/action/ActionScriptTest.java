package dev.forkstate.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The GitHub Action: its script step run directly, as the runner would, and its action.yml read as YAML. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionScriptTest {
  Path tmp;
  Path fork;
  Map<String, String> env;

  @BeforeAll
  void demo(@TempDir Path dir) {
    tmp = dir;
    env = TestEnv.isolated(tmp.resolve("home"));
    fork = DemoProject.build(tmp.resolve("demo"), env);
  }

  private record Run(int exit, String summary, String output, String stdout) {}

  private Run run(String name, String repo, String args, boolean failOnChecks) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Map<String, String> e = new HashMap<>(env);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    e.put("FS_CMD", java + " -cp " + System.getProperty("java.class.path") + " dev.forkstate.cli.Main");
    e.put("FS_REPO", repo);
    e.put("FS_ARGS", args);
    e.put("FS_FAIL_ON_CHECKS", Boolean.toString(failOnChecks));
    e.put("FS_JSON", dir.resolve("state.json").toString());
    e.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
    e.put("GITHUB_OUTPUT", dir.resolve("output.txt").toString());
    ProcessBuilder pb = new ProcessBuilder("bash", Path.of("action/run.sh").toAbsolutePath().toString())
        .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(e);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), read(dir.resolve("summary.md")), read(dir.resolve("output.txt")), out);
  }

  private static String read(Path p) throws Exception {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  @Test
  void aPassingRunFillsTheSummaryOutputsAndJson() throws Exception {
    Run r = run("pass", fork.toString(), "--offline", true);
    assertThat(r.exit()).as(r.stdout()).isZero();
    assertThat(r.summary()).contains("## Executive Summary").contains("## References");
    assertThat(r.output()).contains("exit-code=0\n").contains("report=" + fork.resolve("STATE_OF_PROJECT.md"));
    assertThat(Files.readString(tmp.resolve("pass/state.json"))).contains("\"schemaVersion\" : 1");
  }

  @Test
  void failingChecksFailTheJobOnlyWhenAsked() throws Exception {
    // Online, the demo's CI facts are UNKNOWN (its remote is a local folder): exit code 1.
    Run lenient = run("lenient", fork.toString(), "", false);
    assertThat(lenient.exit()).isZero();
    assertThat(lenient.output()).contains("exit-code=1\n");
    Run strict = run("strict", fork.toString(), "", true);
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.stdout()).contains("::error::required checks did not pass");
  }

  @Test
  void anErrorAlwaysFailsTheJob() throws Exception {
    Run r = run("error", tmp.resolve("no-such-repo").toString(), "", false);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("exit-code=2");
    assertThat(r.summary()).contains("forkstate wrote no report (exit 2)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void actionYmlRunsTheScriptWithItsInputs() throws Exception {
    Map<String, Object> action = new Yaml().load(Files.readString(Path.of("action.yml")));
    Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
    assertThat(inputs).containsKeys("repo", "args", "fail-on-checks", "json-artifact", "java-version");
    Map<String, Object> runs = (Map<String, Object>) action.get("runs");
    assertThat(runs.get("using")).isEqualTo("composite");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
    assertThat(steps).anySatisfy(s -> assertThat(String.valueOf(s.get("run"))).contains("action/run.sh"));
    assertThat(steps).anySatisfy(s -> assertThat(String.valueOf(s.get("uses"))).startsWith("actions/upload-artifact"));
  }
}
