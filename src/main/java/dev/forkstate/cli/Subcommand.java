package dev.forkstate.cli;

import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand needs from picocli: the root (for the environment), its own spec (for its streams). */
abstract class Subcommand {
  @ParentCommand
  ForkstateCommand parent;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  Map<String, String> env() {
    return parent.env();
  }
}
