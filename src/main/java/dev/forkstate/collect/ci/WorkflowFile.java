package dev.forkstate.collect.ci;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A GitHub Actions workflow read as a YAML node tree, so every answer can cite the line it came from. Composed,
 * not constructed: "on" stays the text "on" (YAML 1.1 would make it a boolean), and no object is instantiated.
 */
public final class WorkflowFile {
  private final String path;
  private final MappingNode root;

  private WorkflowFile(String path, MappingNode root) {
    this.path = path;
    this.root = root;
  }

  /** Thrown when the file cannot be read or is not a YAML mapping. */
  public static final class Unreadable extends Exception {
    public Unreadable(String message) {
      super(message);
    }
  }

  public static WorkflowFile read(Path repo, String path) throws Unreadable {
    String text;
    try {
      text = Files.readString(repo.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Unreadable("cannot read " + path + ": " + e.getMessage());
    }
    return parse(path, text);
  }

  /** The text of a workflow, already read; {@code path} is only for citing lines. */
  public static WorkflowFile parse(String path, String text) throws Unreadable {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      Node n = new Yaml(options).compose(new StringReader(text));
      if (!(n instanceof MappingNode m)) {
        throw new Unreadable(path + " is not a YAML mapping");
      }
      return new WorkflowFile(path, m);
    } catch (YAMLException e) {
      throw new Unreadable(path + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  public String path() {
    return path;
  }

  public MappingNode root() {
    return root;
  }

  /** "path:line" for a node. */
  public String at(Node n) {
    return path + ":" + (n.getStartMark().getLine() + 1);
  }

  public static Optional<Node> get(Node map, String key) {
    if (map instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  /** The key node of an entry, for citing the line a key is on. */
  public static Optional<Node> keyNode(Node map, String key) {
    if (map instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(k);
        }
      }
    }
    return Optional.empty();
  }

  public static List<NodeTuple> entries(Node n) {
    return n instanceof MappingNode m ? m.getValue() : List.of();
  }

  public static List<Node> items(Node n) {
    return n instanceof SequenceNode s ? s.getValue() : List.of();
  }

  public static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : "";
  }

  /** Every scalar in a subtree, with its node: for searching matrix values and the like. */
  public static List<ScalarNode> scalars(Node n) {
    List<ScalarNode> out = new ArrayList<>();
    collect(n, out);
    return out;
  }

  private static void collect(Node n, List<ScalarNode> out) {
    if (n instanceof ScalarNode s) {
      out.add(s);
    } else if (n instanceof SequenceNode s) {
      s.getValue().forEach(c -> collect(c, out));
    } else if (n instanceof MappingNode m) {
      m.getValue().forEach(t -> {
        collect(t.getKeyNode(), out);
        collect(t.getValueNode(), out);
      });
    }
  }
}
