package dev.forkstate.render;

/**
 * An inline code span whose backtick fence is longer than any backtick run inside, so any command or message
 * shows exactly and pastes back unchanged (CommonMark: a span's content is literal).
 */
public final class CodeSpan {
  private CodeSpan() {}

  public static String of(String text) {
    String oneLine = text.replace("\r", " ").replace("\n", " ");
    int longest = 0;
    int run = 0;
    for (char c : oneLine.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`") || oneLine.isEmpty();
    return fence + (pad ? " " : "") + oneLine + (pad ? " " : "") + fence;
  }
}
