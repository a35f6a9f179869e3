package dev.forkstate.cli;

import dev.forkstate.app.InitConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a commented forkstate.yml from what is detected in the repository.")
final class InitCommand extends Subcommand implements Callable<Integer> {
  @Option(names = "--repo", defaultValue = ".", description = "Repository (default: current folder).")
  Path repo;

  @Option(names = "--force", description = "Replace an existing forkstate.yml.")
  boolean force;

  @Override
  public Integer call() {
    Path written = new InitConfig().run(repo, force, env());
    spec.commandLine().getOut().println(written);
    spec.commandLine().getErr().println("forkstate: review " + written.getFileName()
        + ", then commit it: git add " + written.getFileName() + " && git commit -m 'forkstate config'");
    return 0;
  }
}
