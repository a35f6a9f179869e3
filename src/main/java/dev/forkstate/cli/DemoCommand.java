package dev.forkstate.cli;

import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.RunDemo;
import java.nio.file.Path;
import java.util.Map;

final class DemoCommand extends Subcommand {
  DemoCommand(Map<String, String> env) {
    super(env, "demo",
        "Build a real upstream repository and a fork of it in a temp folder, and write the fork's report.");
    add(CommandModel.value("--dir", Path.class, "<dir>", null,
        "Empty or new folder to build the demo in (default: a new temp folder)."));
  }

  @Override
  public Integer call() {
    GenerateResult r = new RunDemo().run(valueOf("--dir"), env());
    Reporting.printResult(spec, r);
    return r.exitCode().code();
  }
}
