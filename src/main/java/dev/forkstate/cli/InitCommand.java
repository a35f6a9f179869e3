package dev.forkstate.cli;

import dev.forkstate.app.InitConfig;
import java.nio.file.Path;
import java.util.Map;

final class InitCommand extends Subcommand {
  InitCommand(Map<String, String> env) {
    super(env, "init", "Write a commented forkstate.yml from what is detected in the repository.");
    add(CommandModel.value("--repo", Path.class, "<repo>", ".", "Repository (default: current folder)."));
    add(CommandModel.flag("Replace an existing forkstate.yml.", "--force"));
  }

  @Override
  public Integer call() {
    Path written = new InitConfig().run(valueOf("--repo"), isSet("--force"), env());
    spec.commandLine().getOut().println(written);
    spec.commandLine().getErr().println("forkstate: review " + written.getFileName()
        + ", then commit it: git add " + written.getFileName() + " && git commit -m 'forkstate config'");
    return 0;
  }
}
