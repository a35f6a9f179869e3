package dev.forkstate.cli;

import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.RunDemo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Build a real upstream repository and a fork of it in a temp folder, and write the fork's report.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  ForkstateCommand parent;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Option(names = "--dir", description = "Empty or new folder to build the demo in (default: a new temp folder).")
  Path dir;

  @Override
  public Integer call() {
    GenerateResult r = new RunDemo().run(dir, parent.env());
    Reporting.printResult(spec, r);
    return r.exitCode().code();
  }
}
