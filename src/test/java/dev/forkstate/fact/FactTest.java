package dev.forkstate.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactTest {
  /** Written-out equals and hashCode: the values a record's generated ones give, so map orders are unchanged. */
  @Test
  void phraseEqualityAndHashAreTheRecordsOnes() {
    Phrase a = Phrase.of("run ").then(Phrase.Kind.COMMAND, "git status").then(" now");
    Phrase same = Phrase.of("run ").then(Phrase.Kind.COMMAND, "git status").then(" now");
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same)
        .isNotEqualTo(Phrase.of("run ").then(Phrase.Kind.PATH, "git status").then(" now"))
        .isNotEqualTo(Phrase.of("run ").then(Phrase.Kind.COMMAND, "git log").then(" now"));
    assertThat(a.hashCode()).isEqualTo(a.parts().hashCode());
    Phrase.Code code = new Phrase.Code(Phrase.Kind.PATH, "a.py");
    assertThat(code.hashCode()).isEqualTo(31 * Phrase.Kind.PATH.hashCode() + "a.py".hashCode());
    assertThat(code).isEqualTo(new Phrase.Code(Phrase.Kind.PATH, "a.py")).isNotEqualTo(new Phrase.Words("a.py"));
    assertThat(new Phrase.Words("x")).isEqualTo(new Phrase.Words("x")).hasSameHashCodeAs(new Phrase.Words("x"))
        .isNotEqualTo(new Phrase.Words("y"));
  }

  @Test
  void factIdEqualityAndHashAreTheValues() {
    FactId a = FactId.of("git.branch.current");
    assertThat(a).isEqualTo(FactId.of("git.branch.current")).isNotEqualTo(FactId.of("git.branch.other"))
        .isNotEqualTo("git.branch.current");
    // A one-component record's generated hashCode is 31 * 0 + the component's hash.
    assertThat(a.hashCode()).isEqualTo("git.branch.current".hashCode());
  }

  @Test
  void passWithoutEvidenceIsRejected() {
    assertThatThrownBy(() -> new Fact(FactId.of("a.b"), Status.PASS, Value.none(), "s", "", List.of()))
        .hasMessageContaining("PASS needs evidence");
  }

  @Test
  void unknownAndSkippedNeedAReason() {
    assertThatThrownBy(() -> Fact.unknown("a.b", " ")).hasMessageContaining("UNKNOWN needs a reason");
    assertThatThrownBy(() -> Fact.skipped("a.b", "")).hasMessageContaining("SKIPPED needs a reason");
  }

  @Test
  void idsAreDottedLowercase() {
    assertThatThrownBy(() -> FactId.of("Smoke Tests")).isInstanceOf(IllegalArgumentException.class);
    assertThat(FactId.segment("Tests/Smoke Suite!")).isEqualTo("tests-smoke-suite");
    assertThat(FactId.segment("___")).isEqualTo("x");
  }

  @Test
  void duplicateIdsAreABug() {
    Fact f = Fact.skipped("a.b", "why");
    assertThatThrownBy(() -> new FactSet(List.of(f, f))).hasMessageContaining("duplicate");
  }

  @Test
  void listsAreSortedAndCopied() {
    assertThat(new Value.Paths(List.of("b", "a")).paths()).containsExactly("a", "b");
    FactSet set = new FactSet(List.of(Fact.skipped("z.a", "r"), Fact.skipped("a.z", "r")));
    assertThat(set.all()).extracting(f -> f.id().value()).containsExactly("a.z", "z.a");
  }

  @Test
  void worstStatusOrder() {
    assertThat(Status.worst(Status.PASS, Status.WARN)).isEqualTo(Status.WARN);
    assertThat(Status.worst(Status.UNKNOWN, Status.WARN)).isEqualTo(Status.UNKNOWN);
    assertThat(Status.worst(Status.UNKNOWN, Status.FAIL)).isEqualTo(Status.FAIL);
    assertThat(Status.worst(Status.SKIPPED, Status.PASS)).isEqualTo(Status.SKIPPED);
  }

  /** Found on a real fork: "HAPPYPATH rules: 8 unguarded optional imports" showed the copy-paste rule's command. */
  @Test
  void theCommandShownForSeveralFactsIsTheDecidingOnes() {
    FactSet set = new FactSet(java.util.List.of(
        Fact.of(FactIds.HAPPYPATH_COPY_PASTE, Status.PASS, Value.none(), "ok", Evidence.ofCommand("command -v cat git")),
        Fact.of(FactIds.HAPPYPATH_IMPORTS, Status.FAIL, Value.none(), "8 unguarded", Evidence.ofCommand("git diff x")),
        Fact.of(FactIds.HAPPYPATH_FLAGS, Status.FAIL, Value.none(), "2 flags", Evidence.ofCommand("git diff y"))));
    assertThat(set.firstCommand(set.all().stream().map(Fact::id).toList())).isEqualTo("git diff y");
    assertThat(set.firstCommand(java.util.List.of(FactIds.HAPPYPATH_COPY_PASTE))).isEqualTo("command -v cat git");
  }
}
