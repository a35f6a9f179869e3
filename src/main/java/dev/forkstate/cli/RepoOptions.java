package dev.forkstate.cli;

import dev.forkstate.app.GenerateRequest;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** The options of commands that read a repository and write a document: where, with which config, in which format. */
final class RepoOptions {
  private RepoOptions() {}

  static void addTo(Subcommand command) {
    command.add(CommandModel.value("--repo", Path.class, "<repo>", ".", "Repository (default: current folder)."));
    command.add(CommandModel.value("--config", Path.class, "<config>", null,
        "Config file (default: forkstate.yml in the repo)."));
    command.add(CommandModel.value("--format", String.class, "<format>", "md", "md or json (default: md)."));
  }

  static Path repo(CommandSpec spec) {
    return CommandModel.valueOf(spec, "--repo");
  }

  static Path config(CommandSpec spec) {
    return CommandModel.valueOf(spec, "--config");
  }

  static GenerateRequest.Format format(CommandSpec spec) {
    return Formats.parse(CommandModel.valueOf(spec, "--format"), spec);
  }
}
