package dev.forkstate.collect.smoke;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds to a smoke's fact which Python ran it: in its reason (path, version, where it came from, and why a
 * repository setting was not followed) and as evidence ({@code python --version} and its output). A smoke is only
 * as meaningful as the interpreter it ran with: the maintainer's .venv and the machine's python3 can disagree.
 */
final class InterpreterNote {
  private InterpreterNote() {}

  static Fact add(Fact f, Interpreter py, SmokeCommand cmd, Path repo) {
    if (!cmd.pytest() && py.binDir() == null) {
      return f; // not a Python command, and nothing about its environment was changed
    }
    String line = py.described(repo);
    if (cmd.pytest() && py.binDir() != null && SmokeCommand.programs(cmd.line()).contains("pytest")
        && !Files.isExecutable(py.binDir().resolve("pytest"))) {
      line += "; " + py.source() + " has no pytest, so a bare `pytest` is the next one on PATH";
    }
    Phrase reason = f.reasonPhrase().isEmpty() ? Phrase.of(line) : f.reasonPhrase().then("; " + line);
    List<dev.forkstate.fact.Evidence> evidence = new ArrayList<>(f.evidence());
    evidence.add(py.evidence());
    return new Fact(f.id(), f.status(), f.value(), f.summaryPhrase(), reason, evidence, f.skip());
  }
}
