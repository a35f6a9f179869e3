package dev.forkstate.collect.smoke;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds to a smoke's fact which Python ran it: always as evidence ({@code python --version} and its output, in the
 * JSON report), and in its reason (path, version, where it came from, why a repository setting was not followed)
 * whenever it matters to the reader: the repository's own interpreter ran it, a repository setting could not be
 * followed, or the smoke could not be measured (then the interpreter is the first suspect). The PATH's python behind
 * a passing or failing smoke is left out of the line: it is the machine's path, and a report must read the same on
 * every machine where the same thing was measured (the golden reports hold this).
 */
final class InterpreterNote {
  private InterpreterNote() {}

  static Fact add(Fact f, Interpreter py, SmokeCommand cmd, Path repo) {
    if (!cmd.pytest() && py.binDir() == null) {
      return f; // not a Python command, and nothing about its environment was changed
    }
    boolean matters = py.binDir() != null || !py.note().isEmpty() || !py.found()
        || f.status() == dev.forkstate.fact.Status.UNKNOWN;
    List<dev.forkstate.fact.Evidence> evidence = new ArrayList<>(f.evidence());
    evidence.add(py.evidence());
    if (!matters) {
      return new Fact(f.id(), f.status(), f.value(), f.summaryPhrase(), f.reasonPhrase(), evidence, f.skip());
    }
    String line = py.described(repo);
    if (cmd.pytest() && py.binDir() != null && SmokeCommand.programs(cmd.line()).contains("pytest")
        && !Files.isExecutable(py.binDir().resolve("pytest"))) {
      line += "; " + py.source() + " has no pytest, so a bare `pytest` is the next one on PATH";
    }
    Phrase reason = f.reasonPhrase().isEmpty() ? Phrase.of(line) : f.reasonPhrase().then("; " + line);
    return new Fact(f.id(), f.status(), f.value(), f.summaryPhrase(), reason, evidence, f.skip());
  }
}
