package dev.forkstate.cli;

import dev.forkstate.app.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command: only subcommands and --help/--version. Its model, like every subcommand's, is built in code
 * ({@link CommandModel}). The subcommands are added by {@link #commandLine}: a run builds only the one it invokes.
 */
public final class ForkstateCommand implements Runnable {
  private final Map<String, String> env;
  private final CommandSpec spec;

  /** The subcommands in the order the help lists them. */
  private static final Map<String, Function<Map<String, String>, Subcommand>> SUBCOMMANDS = new LinkedHashMap<>();

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
    CommandLine cl = new CommandLine(root.spec);
    String invoked = invoked(args);
    boolean one = invoked != null && SUBCOMMANDS.containsKey(invoked);
    for (Map.Entry<String, Function<Map<String, String>, Subcommand>> e : SUBCOMMANDS.entrySet()) {
      if (!one || e.getKey().equals(invoked)) {
        cl.addSubcommand(e.getKey(), e.getValue().apply(root.env).spec);
      }
    }
    return cl;
  }

  /** The subcommand {@code args} name, if any: the root's options (-h, -V) take no value, so it is the first word. */
  static String invoked(String... args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }

  public ForkstateCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.spec = CommandModel.command(this, "forkstate",
        "Measures a fork of an open-source project and writes STATE_OF_PROJECT.md from facts.");
    spec.versionProvider(() -> new String[] {"forkstate " + Version.get()});
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "report written, every required check passed");
    codes.put("1", "report written, some required check FAIL or UNKNOWN");
    codes.put("2", "usage, config or other user error");
    codes.put("3", "internal error");
    CommandModel.exitCodes(spec, "%nExit codes:%n", codes);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: generate, verify, init or demo");
  }
}
