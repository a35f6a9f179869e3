package dev.forkstate.cli;

import dev.forkstate.app.GenerateRequest;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of commands that read a repository and write a document: where, with which config, in which format. */
final class RepoOptions {
  @Option(names = "--repo", defaultValue = ".", description = "Repository (default: current folder).")
  Path repo;

  @Option(names = "--config", description = "Config file (default: forkstate.yml in the repo).")
  Path config;

  @Option(names = "--format", defaultValue = "md", description = "md or json (default: md).")
  String format;

  GenerateRequest.Format format(CommandLine.Model.CommandSpec spec) {
    return Formats.parse(format, spec);
  }
}
