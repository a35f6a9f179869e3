package dev.forkstate.cli;

import dev.forkstate.app.GenerateRequest;
import java.util.Locale;
import picocli.CommandLine;

/** Parses --format strictly, so a typo is a usage error rather than a silent default. */
final class Formats {
  private Formats() {}

  static GenerateRequest.Format parse(String value, CommandLine.Model.CommandSpec spec) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "md", "markdown" -> GenerateRequest.Format.MD;
      case "json" -> GenerateRequest.Format.JSON;
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--format must be md or json, not '" + value + "'");
    };
  }
}
