package dev.forkstate.cli;

import dev.forkstate.app.GenerateResult;
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
    String verdict = r.report().verdict().line();
    r.notes().forEach(n -> spec.commandLine().getErr().println("forkstate: " + n));
    spec.commandLine().getErr().println("forkstate: " + verdict + " (exit " + r.exitCode().code() + ")");
    spec.commandLine().getErr().flush();
  }
}
