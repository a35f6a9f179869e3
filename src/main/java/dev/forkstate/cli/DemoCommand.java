package dev.forkstate.cli;

import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.RunDemo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Build a real upstream repository and a fork of it in a temp folder, and write the fork's report.")
final class DemoCommand extends Subcommand implements Callable<Integer> {
  @Option(names = "--dir", description = "Empty or new folder to build the demo in (default: a new temp folder).")
  Path dir;

  @Override
  public Integer call() {
    GenerateResult r = new RunDemo().run(dir, env());
    Reporting.printResult(spec, r);
    return r.exitCode().code();
  }
}
