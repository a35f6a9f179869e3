package dev.forkstate.collect.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One result file per pytest run in a smoke command. How: the {@link RunPlugin} is loaded into every pytest the
 * command starts ({@code -p forkstate_runs} in PYTEST_ADDOPTS, its folder on PYTHONPATH) and numbers the runs. Why
 * a plugin and not a fixed --junitxml: pytest writes one path per run and has no placeholder for a counter, so the
 * second run overwrote the first; a plugin also sees a --junitxml the user gave and reads that instead of
 * replacing it. A command that sets PYTHONPATH itself ({@code PYTHONPATH=$(pwd) pytest}) would hide the plugin:
 * small shims named like the command's programs ({@code pytest}, {@code python3}) go first on PATH, put the plugin
 * folder back at the end of PYTHONPATH and run the real program, found on the PATH without the shims.
 */
final class PytestRuns {
  /** One pytest run, in the order the runs started: its report path and pytest's exit status (null: none seen). */
  record Run(int number, Path xml, Integer exit) {}

  private final Path runs;
  private final Path plugin;
  private final Path shims;

  private PytestRuns(Path tmp) {
    this.runs = tmp.resolve("runs");
    this.plugin = tmp.resolve("plugin");
    this.shims = tmp.resolve("shims");
  }

  /** Writes the plugin and the shims for {@code programs} (bare names the command runs pytest with) under tmp. */
  static PytestRuns prepare(Path tmp, List<String> programs) {
    PytestRuns p = new PytestRuns(tmp);
    try {
      Files.createDirectories(p.runs);
      Files.createDirectories(p.plugin);
      Files.createDirectories(p.shims);
      Files.writeString(p.plugin.resolve(RunPlugin.MODULE + ".py"), RunPlugin.SOURCE);
      for (String program : programs) {
        Path shim = p.shims.resolve(program);
        Files.writeString(shim, p.shim(program));
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private String shim(String program) {
    return "#!/bin/sh\n"
        + "# forkstate: puts its result plugin back on PYTHONPATH, then runs the real " + program + ".\n"
        + "case \":${PYTHONPATH}:\" in *':" + plugin + ":'*) ;; *) PYTHONPATH=\"${PYTHONPATH:+$PYTHONPATH:}"
        + plugin + "\"; export PYTHONPATH;; esac\n"
        + "set -f; rest=''; IFS=:\n"
        + "for d in $PATH; do [ \"$d\" = '" + shims + "' ] || rest=\"${rest:+$rest:}$d\"; done\n"
        + "unset IFS; PATH=$rest; export PATH\n"
        // Missing, it is reported as the shell would have reported it without the shim.
        + "command -v " + program + " >/dev/null 2>&1 || { echo \"" + program + ": command not found\" >&2; exit 127; }\n"
        + "exec " + program + " \"$@\"\n";
  }

  /**
   * The smoke's environment on top of {@code env} (the interpreter's PATH and the runner's base): the plugin on
   * PYTHONPATH and in PYTEST_ADDOPTS (after the user's own options), the shims first on PATH, the runs folder.
   */
  Map<String, String> env(Map<String, String> env) {
    Map<String, String> out = new HashMap<>();
    String addopts = env.getOrDefault("PYTEST_ADDOPTS", "");
    out.put("PYTEST_ADDOPTS", (addopts + " -p " + RunPlugin.MODULE + " -p no:cacheprovider").strip());
    String pythonPath = env.getOrDefault("PYTHONPATH", "");
    out.put("PYTHONPATH", pythonPath.isEmpty() ? plugin.toString() : pythonPath + ":" + plugin);
    String path = env.getOrDefault("PATH", "");
    out.put("PATH", path.isEmpty() ? shims.toString() : shims + ":" + path);
    out.put("FORKSTATE_RUNS_DIR", runs.toString());
    out.put("PYTHONDONTWRITEBYTECODE", "1");
    return out;
  }

  /** The runs the plugin recorded, in order. */
  List<Run> read() {
    List<Run> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(runs)) {
      for (Path marker : files.filter(f -> f.getFileName().toString().matches("\\d{3}\\.run")).sorted().toList()) {
        String name = marker.getFileName().toString();
        int n = Integer.parseInt(name.substring(0, 3));
        List<String> lines = Files.readAllLines(marker);
        Path xml = lines.isEmpty() || lines.get(0).isBlank() ? runs.resolve(name.substring(0, 3) + ".xml")
            : Path.of(lines.get(0));
        Path exitFile = runs.resolve(name.substring(0, 3) + ".exit");
        Integer exit = null;
        if (Files.exists(exitFile)) {
          String text = Files.readString(exitFile).strip();
          exit = text.matches("-?\\d+") ? Integer.valueOf(text) : null;
        }
        out.add(new Run(n, xml, exit));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Whether pytest's output says it could not load the plugin: forkstate's trouble, not the fork's. */
  static boolean pluginFailed(String output) {
    return output.contains("No module named '" + RunPlugin.MODULE + "'")
        || output.contains("No module named " + RunPlugin.MODULE);
  }
}
