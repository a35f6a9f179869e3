package dev.forkstate.config;

import dev.forkstate.error.UserError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * forkstate.yml's one YAML document as SnakeYAML's node tree: composed, not constructed (no object is made from a
 * tag), every node with its line and column. Aliases are followed; a second document is refused.
 */
final class ConfigDocument {
  private ConfigDocument() {}

  /** The document's root node; null when the text holds no document. */
  static Node compose(String text, String fileName) {
    try {
      Composer composer = composer(text);
      if (!composer.checkNode()) {
        return null;
      }
      Node root = composer.getNode();
      if (composer.checkNode()) {
        Node second = composer.getNode();
        throw new UserError("config holds more than one YAML document", where(fileName, second.getStartMark()),
            "keep one document: remove the second '---' and what follows it");
      }
      return root;
    } catch (ComposerException e) {
      throw invalid(e, fileName, e.getProblemMark());
    } catch (YAMLException e) {
      throw invalid(e, fileName, lastEventEnd(text));
    }
  }

  private static Composer composer(String text) {
    LoaderOptions options = new LoaderOptions();
    return new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
  }

  private static UserError invalid(YAMLException e, String fileName, Mark at) {
    String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return new UserError("config is not valid YAML: " + first, where(fileName, at), "fix the YAML syntax", e);
  }

  /**
   * Where the YAML read well up to: the end of the last event before the error. The error's own mark is often past
   * the mistake (the end of the file for an unclosed quote); this is the position forkstate has always named.
   */
  private static Mark lastEventEnd(String text) {
    ParserImpl parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
    Mark last = null;
    try {
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        last = parser.getEvent().getEndMark();
      }
    } catch (YAMLException e) {
      // the error being reported: read up to it
    }
    return last;
  }

  static String where(String fileName, Mark mark) {
    return mark == null ? fileName : fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }
}
