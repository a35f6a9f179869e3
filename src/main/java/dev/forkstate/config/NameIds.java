package dev.forkstate.config;

import dev.forkstate.error.UserError;
import dev.forkstate.fact.FactId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Names the user gives (smokes, metric commands, capabilities) become fact id segments: {@code Unit} and
 * {@code unit} both become {@code unit}. Two such names would give two facts one id, so the config is refused up
 * front, at the line of the second name, instead of the run failing later.
 */
final class NameIds {
  private NameIds() {}

  /**
   * @param kind    what the names name, for the message ("smoke")
   * @param section the list's dotted key ("smokes", "metrics.commands")
   * @param names   the name of entry i
   * @param root    the document the names were bound from: where the second name is
   */
  static void requireDistinct(String kind, String section, IntFunction<String> names, int count, String fileName,
                              Node root) {
    Map<String, Integer> firstBySegment = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String name = names.apply(i);
      Integer earlier = firstBySegment.putIfAbsent(FactId.segment(name), i);
      if (earlier == null) {
        continue;
      }
      String other = names.apply(earlier);
      String what = other.equals(name) ? kind + " name '" + name + "' is used twice"
          : kind + " names '" + other + "' and '" + name + "' both become the fact id segment '"
              + FactId.segment(name) + "'";
      throw new UserError(what, where(section, i, fileName, root),
          "give each " + kind + " a name that differs in more than case and punctuation");
    }
  }

  private static String where(String section, int index, String fileName, Node root) {
    List<String> path = new ArrayList<>(List.of(section.split("\\.")));
    path.add("[" + index + "]");
    path.add("name");
    Mark at = KeyLocator.find(root, path);
    return at == null ? fileName + ": " + section + "[" + index + "]" : ConfigDocument.where(fileName, at);
  }
}
