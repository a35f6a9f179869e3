package dev.forkstate.render;

/**
 * An inline code span whose backtick fence is longer than any backtick run inside, so any command or message
 * shows exactly and pastes back unchanged (CommonMark: a span's content is literal).
 */
public final class CodeSpan {
  private CodeSpan() {}

  public static String of(String text) {
    String oneLine = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ");
    int longest = 0;
    int run = 0;
    for (char c : oneLine.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    // CommonMark strips one space at each end when both ends have one: pad then too, so " x " shows as " x ".
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`") || oneLine.isEmpty()
        || oneLine.startsWith(" ") && oneLine.endsWith(" ") && !oneLine.isBlank();
    return fence + (pad ? " " : "") + oneLine + (pad ? " " : "") + fence;
  }
}
