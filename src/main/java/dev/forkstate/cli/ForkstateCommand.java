package dev.forkstate.cli;

import dev.forkstate.app.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: only subcommands and --help/--version. The subcommands are added by {@link #commandLine}, not
 * listed in the annotation: picocli builds a model for every subcommand it is given, by reflection, and a run needs
 * only the one it invokes (about half of picocli's start-up cost).
 */
@Command(name = "forkstate", mixinStandardHelpOptions = true, versionProvider = ForkstateCommand.VersionProvider.class,
    description = "Measures a fork of an open-source project and writes STATE_OF_PROJECT.md from facts.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:report written, every required check passed",
        "1:report written, some required check FAIL or UNKNOWN", "2:usage, config or other user error",
        "3:internal error"})
public final class ForkstateCommand implements Runnable {
  private final Map<String, String> env;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The subcommands in the order the help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("generate", GenerateCommand::new);
    SUBCOMMANDS.put("verify", VerifyCommand::new);
    SUBCOMMANDS.put("init", InitCommand::new);
    SUBCOMMANDS.put("demo", DemoCommand::new);
    SUBCOMMANDS.put("history", HistoryCommand::new);
    SUBCOMMANDS.put("diff", DiffCommand::new);
    SUBCOMMANDS.put("check", CheckCommand::new);
  }

  /**
   * The command line for {@code args}: with only the subcommand they invoke, or with all of them when they invoke
   * none or an unknown one (the root's help lists them all).
   */
  static CommandLine commandLine(ForkstateCommand root, String... args) {
    CommandLine cl = new CommandLine(root);
    // The root's options (-h, -V) take no value, so the first word that is not an option names the subcommand.
    String invoked = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        invoked = a;
        break;
      }
    }
    boolean one = invoked != null && SUBCOMMANDS.containsKey(invoked);
    for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
      if (!one || e.getKey().equals(invoked)) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
      }
    }
    return cl;
  }

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
