package dev.forkstate.render.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The body of a block and the text without its trailing blank lines are found by looking at the text's ends, not by
 * splitting it into lines: the same strings as the split gave, for any mix of line endings, blanks and whitespace.
 */
class MarkersOnePassTest {
  private static final String[] PIECES = {"a", "é", "\uD83D\uDE00", " ", "\t", "\u2028", "\u00A0", "\u001F", "\n", "\r",
      "\r\n", "<!-- keep -->", "## x", "", "\f"};

  /** The body as it was cut: lines split with their endings, the first and the last left out. */
  private static String bodyBySplit(String block) {
    List<String> lines = Lines.split(block);
    return lines.size() < 2 ? "" : String.join("", lines.subList(1, lines.size() - 1));
  }

  private static String strippedBySplit(String text) {
    List<String> lines = new ArrayList<>(Lines.split(text));
    while (!lines.isEmpty() && Lines.bare(lines.get(lines.size() - 1)).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("", lines);
  }

  private static List<String> texts() {
    List<String> out = new ArrayList<>(List.of("", "\n", "\r", "\r\n", "\n\r", "a", "a\n", "a\r\n\r\n", " \n \r\n",
        "<!-- forkstate:begin id=x sha=0 -->\n## X\n\n- a\n\n<!-- forkstate:end id=x -->\n", "x\r\r\n", "a\n\rb"));
    Random random = new Random(18);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(12);
      for (int j = 0; j < n; j++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void theBodyIsTheSplitsMiddleLines() {
    for (String text : texts()) {
      assertThat(Markers.body(text)).as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(bodyBySplit(text));
    }
  }

  @Test
  void trailingBlankLinesGoAsTheSplitDroppedThem() {
    for (String text : texts()) {
      assertThat(Markers.stripTrailingBlankLines(text)).as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(strippedBySplit(text));
    }
  }
}
