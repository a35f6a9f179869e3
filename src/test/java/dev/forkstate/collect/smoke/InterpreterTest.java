package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Python runs the smokes: the repository's own when it has one, and the report says which. */
class InterpreterTest {
  @TempDir
  Path tmp;

  Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
  }

  private Fact smoke(Path repo, String command, Map<String, String> env) {
    String yaml = "happypath:\n  determinism_runs: 1\nsmokes:\n  - name: smokes\n    command: '"
        + command.replace("'", "''") + "'\n";
    return Collecting.run(new SmokeCollector(), repo, yaml, env, true).get("smoke.smokes").orElseThrow();
  }

  private Path repo(String name) {
    return Repos.python(tmp.resolve(name), env, Map.of("tests/test_ok.py", "def test_ok():\n    assert True\n"))
        .dir();
  }

  /** The machine's python3 by its real path: a pyenv shim would follow the test's PYENV_ROOT. */
  private static String realPython() throws Exception {
    Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor();
    return out;
  }

  /** A fake interpreter: records that it was called, then runs the machine's python3. */
  private static void fake(Path file, String marker, String runs) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\necho \"$0\" >> '" + marker + "'\nexec " + runs + " \"$@\"\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** .venv/bin first on PATH, as `source .venv/bin/activate` does: a bare pytest is the venv's. */
  @Test
  void aVenvInTheRepositoryRunsTheSmokeAndIsNamed() throws Exception {
    Path repo = repo("venv");
    Path marker = tmp.resolve("called.txt");
    fake(repo.resolve(".venv/bin/python"), marker.toString(), "python3");
    fake(repo.resolve(".venv/bin/pytest"), marker.toString(), "python3 -m pytest");
    Fact f = smoke(repo, "pytest -q tests", env);
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(Files.readString(marker)).contains(".venv/bin/pytest");
    assertThat(f.reason()).startsWith("ran with .venv/bin/python (Python 3.").contains("from .venv)");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e.command()).endsWith(".venv/bin/python --version"));
  }

  /** A real virtualenv (with the machine's site packages, where pytest is): python -m pytest is the venv's. */
  @Test
  void aRealVenvRunsPythonDashMPytest() throws Exception {
    Path repo = repo("realvenv");
    Process p = new ProcessBuilder("python3", "-m", "venv", "--system-site-packages", ".venv")
        .directory(repo.toFile()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
    Files.writeString(repo.resolve("tests/test_which.py"), "import sys\n\ndef test_which():\n"
        + "    assert sys.prefix.endswith('.venv'), sys.prefix\n");
    Fact f = smoke(repo, "python -m pytest -q tests", env);
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(f.reason()).startsWith("ran with .venv/bin/python (");
  }

  /** A venv without pytest: a bare pytest is the next one on PATH, and the line says so. */
  @Test
  void aVenvWithoutPytestSaysABarePytestCameFromPath() throws Exception {
    Path repo = repo("nopytest");
    fake(repo.resolve(".venv/bin/python"), tmp.resolve("m").toString(), "python3");
    Fact f = smoke(repo, "pytest -q tests", env);
    assertThat(f.reason()).contains(".venv has no pytest, so a bare `pytest` is the next one on PATH");
  }

  /** pytest missing for the chosen interpreter: UNKNOWN with the cause, never FAIL. */
  @Test
  void pytestMissingIsUnknownWithTheCause() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isExecutable(Path.of("/usr/bin/pytest"))
        || Files.isExecutable(Path.of("/bin/pytest")), "this machine has a system pytest");
    Path repo = repo("missing");
    fake(repo.resolve(".venv/bin/python"), tmp.resolve("m").toString(), "python3");
    Map<String, String> bare = new HashMap<>(env);
    bare.put("PATH", "/usr/bin:/bin");
    Fact f = smoke(repo, "pytest -q tests", bare);
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.summary()).isEqualTo("not run: pytest is not installed here (.venv)");
    assertThat(f.reason()).contains("command not found");
  }

  /** python missing altogether: UNKNOWN, and the line says no Python was found. */
  @Test
  void pythonMissingIsUnknownWithTheCause() {
    Path repo = repo("nopython");
    Map<String, String> none = new HashMap<>(env);
    none.put("PATH", tmp.resolve("empty-bin").toString());
    Fact f = smoke(repo, "python3 -m pytest -q tests", none);
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.summary()).isEqualTo("not run: python3 is not installed here");
    assertThat(f.reason()).contains("no Python found: no python3 or python on PATH");
  }

  /** pyenv's "pyenv: pytest: command not found" is the machine's: UNKNOWN. */
  @Test
  void pyenvsCommandNotFoundIsTheMachines() {
    assertThat(SmokeCollector.notFound("pyenv: pytest: command not found\n\nThe `pytest' command exists in these "
        + "Python versions:\n  3.11.7\n")).isEqualTo("pytest");
  }

  /** A .python-version that pyenv resolves (here a fake PYENV_ROOT) runs the smoke with that version's python. */
  @Test
  void aPythonVersionThatResolvesIsUsed() throws Exception {
    Path repo = repo("pinned");
    Files.writeString(repo.resolve(".python-version"), "# pinned\n9.1.0\n");
    Path root = tmp.resolve("pyenv");
    Path marker = tmp.resolve("pinned.txt");
    fake(root.resolve("versions/9.1.0/bin/python"), marker.toString(), realPython());
    Map<String, String> pinned = new HashMap<>(env);
    pinned.put("PYENV_ROOT", root.toString());
    Fact f = smoke(repo, "python -m pytest -q tests", pinned);
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(f.reason()).contains("versions/9.1.0/bin/python").contains("from .python-version 9.1.0 (pyenv)");
    assertThat(Files.readString(marker)).contains("9.1.0/bin/python");
  }

  /** A .python-version naming a version this machine lacks: falls back to the PATH's and says so. */
  @Test
  void aPythonVersionThatDoesNotResolveFallsBackAndSaysSo() throws Exception {
    Path repo = repo("unresolved");
    Files.writeString(repo.resolve(".python-version"), "9.9.99\n");
    Map<String, String> pinned = new HashMap<>(env);
    pinned.put("PYENV_ROOT", tmp.resolve("no-pyenv").toString());
    pinned.remove("PYENV_VERSION");
    Interpreter py = Interpreter.find(repo, new dev.forkstate.exec.CommandRunner(pinned,
        dev.forkstate.secret.Redactor.none()));
    assertThat(py.source()).isEqualTo("PATH");
    assertThat(py.note()).isEqualTo(".python-version names 9.9.99, which pyenv does not have here "
        + "(`pyenv prefix 9.9.99` and ~/.pyenv/versions/9.9.99 found nothing)");
    assertThat(py.described(repo)).contains("; .python-version names 9.9.99");
  }

  @Test
  void firstVersionSkipsCommentsAndBlankLines() throws Exception {
    Path f = tmp.resolve(".python-version");
    Files.writeString(f, "\n# comment\n3.11.7 3.12.1\n3.10\n");
    assertThat(Interpreter.firstVersion(f)).isEqualTo("3.11.7");
    Files.writeString(f, "\n");
    assertThat(Interpreter.firstVersion(f)).isEmpty();
  }

  /**
   * pyenv refusing a .python-version it lacks ("version `9.9.99' is not installed", exit 1) is the machine's, not
   * the fork's: UNKNOWN. Built with a fake pyenv shim, as pyenv's own shims print it.
   */
  @Test
  void pyenvRefusingAnUninstalledVersionIsUnknownNotFail() throws Exception {
    Path repo = repo("pyenvrefuses");
    Files.writeString(repo.resolve(".python-version"), "9.9.99\n");
    Path shims = tmp.resolve("fakeshims");
    Files.createDirectories(shims);
    Path pytest = shims.resolve("pytest");
    Files.writeString(pytest, "#!/bin/sh\necho \"pyenv: version \\`9.9.99' is not installed (set by $PWD/"
        + ".python-version)\" >&2\nexit 1\n");
    Files.setPosixFilePermissions(pytest, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> pinned = new HashMap<>(env);
    pinned.put("PATH", shims + ":" + env.get("PATH"));
    pinned.put("PYENV_ROOT", tmp.resolve("no-pyenv").toString());
    Fact f = smoke(repo, "pytest -q tests", pinned);
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    assertThat(f.summary()).isEqualTo("not run: the Python version the repository names is not installed here");
    assertThat(f.reason()).startsWith("pyenv: version `9.9.99' is not installed (set by ")
        .contains(".python-version names 9.9.99, which pyenv does not have here");
  }
}
