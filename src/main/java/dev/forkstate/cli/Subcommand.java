package dev.forkstate.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every subcommand has: its picocli model ({@link CommandModel}: its options' values, its streams), the
 * environment, and --debug (which {@link Main} reads from the arguments). picocli runs {@link #call()}.
 */
abstract class Subcommand implements Callable<Integer> {
  final CommandSpec spec;
  private final Map<String, String> env;

  Subcommand(Map<String, String> env, String name, String... description) {
    this.env = env;
    this.spec = CommandModel.command(this, name, description);
    add(CommandModel.flag("Print stack traces for errors.", "--debug"));
  }

  final void add(OptionSpec option) {
    spec.addOption(option);
  }

  final Map<String, String> env() {
    return env;
  }

  final boolean isSet(String option) {
    return CommandModel.isSet(spec, option);
  }

  final <T> T valueOf(String option) {
    return CommandModel.valueOf(spec, option);
  }
}
