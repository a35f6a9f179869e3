package dev.forkstate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * forkstate stopped mid-smoke (SIGTERM from CI's cancel, SIGINT from Ctrl-C) leaves nothing behind: pytest and what
 * it started are ended and the smoke's temp folder is removed. A real forkstate JVM, a real pytest.
 */
class ShutdownTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void aSignalEndsPytestAndRemovesTheTempFolders(String signal) throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    Path pids = tmp.resolve("pids");
    GitScript repo = new GitScript(tmp.resolve("r"), env, 0).init()
        .write("tests/smoke/test_slow.py", "import os, subprocess, time\n\ndef test_slow():\n"
            + "    child = subprocess.Popen(['setsid', 'sleep', '1000'])\n"
            + "    with open(" + pyString(pids) + ", 'w') as f:\n"
            + "        f.write(f'{os.getpid()} {child.pid}\\n')\n"
            + "    time.sleep(1000)\n")
        .write("forkstate.yml", "smokes:\n  - name: s\n    command: pytest -q -p no:cacheprovider tests/smoke\n")
        .commit("a smoke that hangs");
    Path javaTmp = Files.createDirectories(tmp.resolve("javatmp"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + javaTmp, "-cp", System.getProperty("java.class.path"), "dev.forkstate.cli.Main",
        "generate", "--offline", "--repo", repo.dir().toString(), "--out", "-"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("forkstate.log").toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process forkstate = pb.start();
    for (int i = 0; i < 600 && !(Files.exists(pids) && Files.readString(pids).endsWith("\n")); i++) {
      Thread.sleep(100);
    }
    assertThat(pids).as(Files.readString(tmp.resolve("forkstate.log"))).exists();
    assertThat(smokeFolders(javaTmp)).isNotEmpty();
    assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(forkstate.pid())).start().waitFor()).isZero();
    assertThat(forkstate.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<Long> started = Stream.of(Files.readString(pids).strip().split(" ")).map(Long::parseLong).toList();
    ProcessTreeTest.assertGone(started); // before: pytest and the sleep kept running with ppid 1
    assertThat(smokeFolders(javaTmp)).isEmpty(); // before: /tmp/forkstate-smoke* stayed
  }

  private static List<Path> smokeFolders(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("forkstate-smoke")).toList();
    }
  }

  private static String pyString(Path p) {
    return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
