package dev.forkstate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Words are counted without a regex: the counts the regex split gave, for any mix of whitespace. */
class FirstWordsCountTest {
  private static final String[] PIECES = {"a", "bc", "é", " ", "  ", "\t", "\n", "\r", "\f", "\u000B", "\u2028",
      "\u00A0", "\u2003", "\u001F", "`x`", ":", ""};

  private static List<String> texts() {
    List<String> out = new ArrayList<>(List.of("", " ", "a", " a", "a ", " a b ", "\u2028a\u2028", "\u00A0"));
    Random random = new Random(30);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(10);
      for (int j = 0; j < n; j++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void wordsAreTheStrippedTextsSplitPieces() {
    for (String text : texts()) {
      String plain = text.strip();
      int bySplit = plain.isEmpty() ? 0 : plain.split("\\s+").length;
      assertThat(FirstWords.count(text)).as("[%s]", text).isEqualTo(bySplit);
      assertThat(FirstWords.count(Phrase.of(text))).as("[%s]", text).isEqualTo(bySplit);
    }
  }

  @Test
  void piecesAreTheSplitsPieces() {
    for (String text : texts()) {
      assertThat(FirstWords.pieces(text)).as("[%s]", text).isEqualTo(text.split("\\s+").length);
    }
  }
}
