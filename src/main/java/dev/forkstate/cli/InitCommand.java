package dev.forkstate.cli;

import dev.forkstate.app.InitConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a commented forkstate.yml from what is detected in the repository.")
final class InitCommand implements Callable<Integer> {
  @ParentCommand
  ForkstateCommand parent;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Option(names = "--repo", defaultValue = ".", description = "Repository (default: current folder).")
  Path repo;

  @Option(names = "--force", description = "Replace an existing forkstate.yml.")
  boolean force;

  @Override
  public Integer call() {
    Path written = new InitConfig().run(repo, force, parent.env());
    spec.commandLine().getOut().println(written);
    return 0;
  }
}
