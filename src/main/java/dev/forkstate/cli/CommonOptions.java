package dev.forkstate.cli;

import picocli.CommandLine.Option;

/** Flags every subcommand takes. */
final class CommonOptions {
  @Option(names = "--debug", description = "Print stack traces for errors.")
  boolean debug;
}
