package dev.forkstate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Phrase;
import org.junit.jupiter.api.Test;

class FirstWordsTest {
  @Test
  void itemsAreKeptWholeAndTheCutIsMarked() {
    Phrase p = Phrase.of("could not run: No module named ").then(Phrase.Kind.NAME, "kombu.transport")
        .then(" (declared in ").then(Phrase.Kind.PATH, "requirements/default.txt").then("; install it) (more words)");
    Phrase cut = FirstWords.of(p, 7);
    assertThat(cut.plain()).isEqualTo("could not run: No module named kombu.transport …");
    assertThat(cut.parts()).contains(new Phrase.Code(Phrase.Kind.NAME, "kombu.transport"));
    assertThat(FirstWords.of(p, 100)).isSameAs(p);
  }

  @Test
  void anOpeningBracketIsNotLeftDangling() {
    assertThat(FirstWords.of(Phrase.of("one two ( three four five"), 3).plain()).isEqualTo("one two …");
    assertThat(FirstWords.of(Phrase.of("one two — three four five"), 3).plain()).isEqualTo("one two …");
  }

  @Test
  void aRepeatKeepsItsLabelAndTheFirstClauseAfterIt() {
    assertThat(FirstWords.label(Phrase.of("Smoke suite green: 5 passed, 0 failed, 0 errors"), 10, 6)).isEqualTo(5);
    assertThat(FirstWords.label(Phrase.of("Upstream drift: 2 commits of upstream/main not merged"), 10, 6))
        .isEqualTo(5);
    assertThat(FirstWords.label(Phrase.of("no label in these many words at all here"), 10, 6)).isEqualTo(6);
  }
}
