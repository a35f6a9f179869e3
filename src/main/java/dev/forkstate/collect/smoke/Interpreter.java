package dev.forkstate.collect.smoke;

import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.fact.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python a smoke runs with, found the way the maintainer's own shell would: the repository's virtualenv
 * ({@code .venv/}, then {@code venv/}), else the version its {@code .python-version} names when pyenv has it, else
 * the PATH's {@code python3}/{@code python}. A smoke that ran with another interpreter than the maintainer's can fail
 * for want of packages the maintainer has; so the report says which one ran, with its {@code --version}.
 *
 * @param python  absolute path of the interpreter, or null when none was found (no python on PATH)
 * @param version what {@code python --version} printed ("Python 3.11.2"), or why it could not tell
 * @param source  where it came from, for people: ".venv", "venv", ".python-version 3.11.4 (pyenv)", "PATH"
 * @param binDir  the folder put first on PATH so that bare {@code pytest}/{@code python} are this interpreter's;
 *                null for the PATH's own interpreter (nothing to change)
 * @param venv    the folder of the virtualenv (VIRTUAL_ENV, as activate sets it), or null
 * @param note    why a repository setting was not followed (".python-version names 3.9.99, which ..."), or empty
 */
public record Interpreter(Path python, String version, String source, Path binDir, Path venv, String note) {
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);

  /** The interpreter for smokes in {@code repo}, asking the runner's environment (PATH, HOME, PYENV_ROOT). */
  public static Interpreter find(Path repo, CommandRunner runner) {
    Map<String, String> env = runner.baseEnv();
    for (String dir : List.of(".venv", "venv")) {
      Path bin = repo.resolve(dir).resolve("bin");
      Path python = bin.resolve("python");
      if (Files.isExecutable(python) && !Files.isDirectory(python)) {
        return withVersion(python, dir, bin, repo.resolve(dir), "", repo, runner);
      }
    }
    String note = "";
    Path pinned = repo.resolve(".python-version");
    if (Files.isRegularFile(pinned)) {
      String wanted = firstVersion(pinned);
      Path python = wanted.isEmpty() ? null : pyenvPython(wanted, repo, runner);
      if (python != null) {
        return withVersion(python, ".python-version " + wanted + " (pyenv)", python.getParent(), null, "", repo,
            runner);
      }
      note = wanted.isEmpty() ? ".python-version names no version"
          : ".python-version names " + wanted + ", which pyenv does not have here (`pyenv prefix " + wanted
          + "` and ~/.pyenv/versions/" + wanted + " found nothing)";
    }
    for (String name : List.of("python3", "python")) {
      Path python = onPath(name, env.get("PATH"));
      if (python != null) {
        return withVersion(python, "PATH", null, null, note, repo, runner);
      }
    }
    return new Interpreter(null, "no python3 or python on PATH", "PATH", null, null, note);
  }

  /** The first version a .python-version file names (pyenv allows several, one per line; the first is used). */
  static String firstVersion(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("").split("\\s+")[0];
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }

  /** pyenv's answer first (it knows aliases and virtualenvs), then its versions folder; null when neither has it. */
  private static Path pyenvPython(String version, Path repo, CommandRunner runner) {
    if (version.contains("/") || version.equals("system")) {
      return null; // "system" means the PATH's python; a path is not a pyenv version name
    }
    Map<String, String> env = runner.baseEnv();
    if (onPath("pyenv", env.get("PATH")) != null) {
      CommandResult r = runner.run(new CommandSpec(List.of("pyenv", "prefix", version), "pyenv prefix " + version,
          repo, Map.of(), VERSION_TIMEOUT));
      String prefix = r.ok() ? r.stdout().strip().split("\n")[0] : "";
      if (!prefix.isEmpty() && Files.isExecutable(Path.of(prefix, "bin", "python"))) {
        return Path.of(prefix, "bin", "python");
      }
    }
    String root = env.getOrDefault("PYENV_ROOT", env.getOrDefault("HOME", "") + "/.pyenv");
    Path python = Path.of(root, "versions", version, "bin", "python");
    return Files.isExecutable(python) ? python : null;
  }

  static Path onPath(String program, String path) {
    if (path == null) {
      return null;
    }
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Interpreter withVersion(Path python, String source, Path binDir, Path venv, String note, Path repo,
      CommandRunner runner) {
    CommandResult r = runner.run(new CommandSpec(List.of(python.toString(), "--version"), python + " --version",
        repo, Map.of(), VERSION_TIMEOUT));
    // Python 2 prints its version on stderr, Python 3 on stdout.
    String out = (r.stdout() + "\n" + r.stderr()).strip();
    String version = r.ok() && !out.isEmpty() ? out.split("\n")[0].strip()
        : "`" + python + " --version` failed: " + (r.timedOut() ? "timed out" : r.firstErrorLine());
    return new Interpreter(shimTarget(python, repo, runner), version, source, binDir, venv, note);
  }

  /**
   * A pyenv (or asdf) shim is not the interpreter: the shim picks one by the folder's .python-version or the global
   * setting. The report names the one it picks, asked from Python itself (sys.executable).
   */
  private static Path shimTarget(Path python, Path repo, CommandRunner runner) {
    if (!python.getParent().getFileName().toString().equals("shims")) {
      return python;
    }
    CommandResult r = runner.run(new CommandSpec(List.of(python.toString(), "-c", "import sys; print(sys.executable)"),
        python + " -c 'import sys; print(sys.executable)'", repo, Map.of(), VERSION_TIMEOUT));
    String real = r.ok() ? r.stdout().strip() : "";
    return real.startsWith("/") && !real.contains("\n") ? Path.of(real) : python;
  }

  /** Whether an interpreter was found at all. */
  public boolean found() {
    return python != null;
  }

  /** How the report shows it: "ran with .venv/bin/python (Python 3.11.2, .venv)". */
  public String described(Path repo) {
    if (python == null) {
      return "no Python found: " + version + (note.isEmpty() ? "" : "; " + note);
    }
    String shown = python.startsWith(repo) ? repo.relativize(python).toString() : python.toString();
    return "ran with " + shown + " (" + version + ", from " + source + ")" + (note.isEmpty() ? "" : "; " + note);
  }

  /** The evidence: the command that prints the version, and what it printed. */
  public Evidence evidence() {
    return python == null ? Evidence.ofCommand("command -v python3 python")
        : new Evidence(python + " --version", 0, Duration.ZERO, version, false);
  }

  /**
   * The environment a smoke runs with: like {@code source .venv/bin/activate}, the interpreter's folder goes first
   * on PATH (so bare {@code pytest} and {@code python} in the command are this interpreter's, and a {@code pytest}
   * it lacks is "command not found", not another Python's pytest) and VIRTUAL_ENV names the virtualenv. Without a
   * repository interpreter the PATH stays as it is.
   */
  public Map<String, String> env(Map<String, String> base) {
    Map<String, String> out = new HashMap<>();
    if (binDir != null) {
      List<String> path = new ArrayList<>();
      path.add(binDir.toString());
      String existing = base.getOrDefault("PATH", "");
      if (!existing.isEmpty()) {
        path.add(existing);
      }
      out.put("PATH", String.join(":", path));
    }
    if (venv != null) {
      out.put("VIRTUAL_ENV", venv.toString());
    }
    return out;
  }
}
