package dev.forkstate.collect.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellLineTest {
  private static List<List<String>> words(String line) {
    return ShellLine.parse(line).commands().stream()
        .map(c -> c.words().stream().map(ShellLine.Word::text).toList()).toList();
  }

  @Test
  void splitsCommandsOnOperatorsAndNewlines() {
    assertThat(words("a 1; b 2 && c || d | e & f\ng (h) ")).containsExactly(List.of("a", "1"), List.of("b", "2"),
        List.of("c"), List.of("d"), List.of("e"), List.of("f"), List.of("g"), List.of("h"));
  }

  @Test
  void quotesAreRemovedAndKeepSpacesAndOperators() {
    assertThat(words("pytest -k 'not slow; x' -m \"a && b\" x\\ y")).containsExactly(
        List.of("pytest", "-k", "not slow; x", "-m", "a && b", "x y"));
    assertThat(words("echo 'it''s'\"\\\"q\\\"\"")).containsExactly(List.of("echo", "its\"q\""));
  }

  @Test
  void substitutionsAreOneExpandedWordEvenWithSpacesAndParentheses() {
    ShellLine l = ShellLine.parse("PYTHONPATH=$(pwd) pytest $(git ls-files 'tests/*.py' | head -1) \"$HOME/x\" `date`");
    assertThat(l.commands()).hasSize(1);
    List<ShellLine.Word> w = l.commands().get(0).words();
    assertThat(w).extracting(ShellLine.Word::text).containsExactly("PYTHONPATH=$(pwd)", "pytest",
        "$(git ls-files 'tests/*.py' | head -1)", "$HOME/x", "`date`");
    assertThat(w).extracting(ShellLine.Word::expanded).containsExactly(true, false, true, true, true);
  }

  @Test
  void redirectionTargetsAreNotArguments() {
    ShellLine l = ShellLine.parse("pytest tests > out.log 2>&1 < in.txt; pytest b 2> err.txt");
    assertThat(l.commands().get(0).words()).extracting(ShellLine.Word::text).containsExactly("pytest", "tests");
    assertThat(l.commands().get(0).redirectTargets()).containsExactly("out.log", "in.txt");
    assertThat(l.commands().get(1).words()).extracting(ShellLine.Word::text).containsExactly("pytest", "b");
  }

  @Test
  void commentsLoopsAndUnbalancedQuotesAreNoted() {
    assertThat(words("pytest a # pytest b")).containsExactly(List.of("pytest", "a"));
    assertThat(words("pytest a#b")).containsExactly(List.of("pytest", "a#b"));
    assertThat(ShellLine.parse("for t in a b; do pytest $t; done").hasLoop()).isTrue();
    assertThat(ShellLine.parse("pytest for").hasLoop()).isFalse();
    assertThat(ShellLine.parse("pytest 'a").unbalanced()).isTrue();
    assertThat(ShellLine.parse("pytest $(a").unbalanced()).isTrue();
    assertThat(ShellLine.parse("pytest a \\\n  b").commands().get(0).words()).extracting(ShellLine.Word::text)
        .containsExactly("pytest", "a", "b");
  }
}
