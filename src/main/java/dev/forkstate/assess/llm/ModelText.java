package dev.forkstate.assess.llm;

/**
 * A model's sentence made safe to place in a Markdown bullet: one line, and no HTML, links or footnote references of
 * its own (so it can neither hide text in a comment, forge forkstate's marks, nor point readers elsewhere). Code
 * spans stay, they are literal anyway.
 */
final class ModelText {
  private ModelText() {}

  static String safe(String text) {
    String one = text.replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder(one.length());
    for (char c : one.toCharArray()) {
      if (c == '<' || c == '>' || c == '[' || c == ']' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
