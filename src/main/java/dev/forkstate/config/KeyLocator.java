package dev.forkstate.config;

import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds where a key starts in the document's node tree, for errors found after binding (two names that become one
 * fact id): the path is keys and list indexes, e.g. {@code [smokes, [1], name]}.
 */
final class KeyLocator {
  private KeyLocator() {}

  /** The key's start; null when the document has no such key. */
  static Mark find(Node root, List<String> path) {
    return walk(root, path, 0);
  }

  private static Mark walk(Node node, List<String> path, int depth) {
    String want = path.get(depth);
    boolean last = depth == path.size() - 1;
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(want)) {
          return last ? k.getStartMark() : walk(t.getValueNode(), path, depth + 1);
        }
      }
    } else if (node instanceof SequenceNode s && want.startsWith("[") && !last) {
      int i = Integer.parseInt(want.substring(1, want.length() - 1));
      return i < s.getValue().size() ? walk(s.getValue().get(i), path, depth + 1) : null;
    }
    return null;
  }
}
