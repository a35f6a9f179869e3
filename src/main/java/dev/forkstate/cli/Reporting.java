package dev.forkstate.cli;

import dev.forkstate.app.GenerateResult;
import dev.forkstate.check.Finding;
import dev.forkstate.fact.Status;
import java.util.List;
import picocli.CommandLine;

/** stdout carries the product (the path written, or the document for --out -); the verdict goes to stderr. */
final class Reporting {
  private Reporting() {}

  static void printResult(CommandLine.Model.CommandSpec spec, GenerateResult r) {
    if (r.written() == null) {
      spec.commandLine().getOut().print(r.rendered());
    } else {
      spec.commandLine().getOut().println(r.written());
    }
    spec.commandLine().getOut().flush();
    List<Finding> bad = r.report().findings().stream().filter(Finding::required)
        .filter(f -> f.status() == Status.FAIL || f.status() == Status.UNKNOWN).toList();
    String verdict = bad.isEmpty() ? "all required checks pass"
        : String.join(", ", bad.stream().map(f -> f.checkId() + " " + f.status()).toList());
    r.notes().forEach(n -> spec.commandLine().getErr().println("forkstate: " + n));
    spec.commandLine().getErr().println("forkstate: " + verdict + " (exit " + r.exitCode().code() + ")");
    spec.commandLine().getErr().flush();
  }
}
