package dev.forkstate.cli;

import dev.forkstate.app.Version;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: only subcommands and --help/--version. */
@Command(name = "forkstate", mixinStandardHelpOptions = true, versionProvider = ForkstateCommand.VersionProvider.class,
    description = "Measures a fork of an open-source project and writes STATE_OF_PROJECT.md from facts.",
    subcommands = {GenerateCommand.class, VerifyCommand.class, InitCommand.class, DemoCommand.class,
        HistoryCommand.class, DiffCommand.class, CheckCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:report written, every required check passed",
        "1:report written, some required check FAIL or UNKNOWN", "2:usage, config or other user error",
        "3:internal error"})
public final class ForkstateCommand implements Runnable {
  private final Map<String, String> env;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public ForkstateCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: generate, verify, init or demo");
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"forkstate " + Version.get()};
    }
  }
}
