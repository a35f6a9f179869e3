package dev.forkstate.config;

import dev.forkstate.error.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads forkstate.yml strictly: an unknown key or a value of the wrong type is a {@link UserError} naming
 * file:line:column and, for a misspelt key, the nearest valid one. A missing file is an empty config.
 * SnakeYAML composes the node tree (with lines and columns); {@link RecordBinder} binds it to {@link ForkstateConfig}.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = "forkstate.yml";

  /** Loads {@code file}; returns the empty config when it does not exist. */
  public ForkstateConfig load(Path file) {
    if (!Files.exists(file)) {
      return ForkstateConfig.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read config: " + e.getMessage(), file.toString(), "check the file's permissions");
    }
    return parse(text, file.getFileName().toString());
  }

  public ForkstateConfig parse(String text, String fileName) {
    if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"))) {
      return ForkstateConfig.empty(); // blank or only comments: YAML's empty document
    }
    Node root = ConfigDocument.compose(text, fileName);
    ForkstateConfig config = root == null ? null : new RecordBinder(fileName).bind(root, ForkstateConfig.class);
    if (config == null) {
      return ForkstateConfig.empty();
    }
    ConfigValidator.validate(config, fileName, root);
    return config;
  }
}
