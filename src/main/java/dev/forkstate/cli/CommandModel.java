package dev.forkstate.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds picocli's model of a command in code rather than from annotations. Reading annotations makes the JVM parse
 * them and define a proxy class per annotation type at every start (a proxy is generated code, which the start-up
 * archive does not hold): about 35 ms of CPU before the first stage. The model built here is the one the annotations
 * described, option for option: the same names, labels ({@code <field>} for the value of an option), types, defaults
 * and descriptions, so help, usage errors and parsing stay as they were.
 */
final class CommandModel {
  private CommandModel() {}

  /** A command named {@code name} whose user object (run by picocli) is {@code command}; with -h/--help, -V/--version. */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(name);
    spec.usageMessage().description(description);
    // picocli's mixinStandardHelpOptions, written out: picocli builds that mixin from an annotated class.
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).initialValue(false)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).initialValue(false)
        .description("Print version information and exit.").build());
    return spec;
  }

  /** An option that takes no value: true when given. */
  static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description).build();
  }

  /** An option with one value of {@code type}, shown as {@code label}; {@code defaultValue} may be null. */
  static OptionSpec value(String name, Class<?> type, String label, String defaultValue, String description) {
    return OptionSpec.builder(name).type(type).paramLabel(label).defaultValue(defaultValue).description(description)
        .build();
  }

  /**
   * The positional parameter at {@code index}, of {@code type}, shown as {@code label}, {@code arity} values; required
   * when the arity asks for one at least (as picocli makes an annotated one).
   */
  static PositionalParamSpec parameter(int index, String arity, Class<?> type, String label, String description) {
    return PositionalParamSpec.builder().index(String.valueOf(index)).arity(arity).required(!arity.startsWith("0"))
        .type(type).paramLabel(label).description(description).build();
  }

  /** Whether the flag {@code name} was given. */
  static boolean isSet(CommandSpec spec, String name) {
    return Boolean.TRUE.equals(spec.findOption(name).getValue());
  }

  /** The value of option {@code name} (its default when not given; null without one). */
  static <T> T valueOf(CommandSpec spec, String name) {
    return spec.findOption(name).getValue();
  }

  /** The value of the positional parameter at {@code index}. */
  static <T> T parameterAt(CommandSpec spec, int index) {
    return spec.positionalParameters().get(index).getValue();
  }

  /** The exit-code section of a command's help, in the given order. */
  static void exitCodes(CommandSpec spec, String heading, Map<String, String> codes) {
    spec.usageMessage().exitCodeListHeading(heading).exitCodeList(codes);
  }
}
