package dev.forkstate.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every string a fact holds, in every value shape, is masked by the one pass over the typed data. */
class FactRedactorTest {
  /** A shape-recognised token and a named secret that JSON and the facts comment would escape. */
  private static final String TOKEN = "sk-canary123456789";
  private static final String NAMED = "pa\"ss\\wo--rd>x1";
  private static final String BOTH = "a " + TOKEN + " b " + NAMED;
  private final FactRedactor redactor = new FactRedactor(Redactor.fromEnvironment(Map.of("REDIS_PASS", NAMED)));

  private static List<Value> everyShape() {
    Phrase p = Phrase.of("says " + BOTH + " ").then(Phrase.Kind.TEST_ID, "t.py::test[" + TOKEN + "]");
    return List.of(new Value.Text(BOTH), new Value.Count(3), new Value.Flag(true), new Value.Series(List.of(1L, 2L)),
        new Value.Paths(List.of("dir/" + TOKEN + ".py")), new Value.Items(List.of(p)),
        new Value.Changes(List.of(new Value.FileChange("x/" + NAMED, 1, 2, false))),
        new Value.Tests(1, 1, 0, 0, List.of(new Value.TestCase("t.py::test_param[" + TOKEN + "]", "failed",
            "AssertionError: " + NAMED)), List.of("t.py::ok[" + TOKEN + "]")),
        new Value.Tests(0, 1, 0, 0, List.of(new Value.TestCase("t.py::a[" + TOKEN + "]", "failed", "")), List.of(),
            new Value.Baseline("abc", List.of("t.py::a[" + TOKEN + "]"), List.of("p[" + NAMED + "]"),
                List.of("n[" + TOKEN + "]"), "not run: " + NAMED)),
        new Value.Commits(List.of(new Value.Commit("328fd7edab6300157cf3b516b81ad36c3ff026a6", "add " + BOTH)), 1),
        new Value.Candidates(List.of(new Value.Candidate(p, List.of("FLAG"))), List.of("FLAG"),
            List.of("unread/" + TOKEN)),
        new Value.Numbers(new TreeMap<>(Map.of("a.b", 1.0))),
        new Value.Conflicts(List.of(new Value.Conflict("c/" + TOKEN, List.of(dev.forkstate.fact.ConflictKind.CONTENT), 3, "old/" + TOKEN))),
        new Value.Branch("fork/" + TOKEN, "upstream/" + NAMED, List.of(p), 2, 1, Value.Merge.CLEAN, BOTH, 4,
            new Value.Size(1, 1, 2, 0)),
        Value.none());
  }

  @Test
  void everyValueShapeIsCovered() {
    assertThat(everyShape().stream().map(Object::getClass).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(Value.class.getPermittedSubclasses()));
  }

  @Test
  void noSecretSurvivesInAnyFieldOfAnyShape() {
    for (Value v : everyShape()) {
      Fact f = new Fact(FactId.of("smoke.x"), Status.FAIL, v, Phrase.of("summary " + BOTH),
          Phrase.of(Phrase.Kind.BRANCH, "fork/" + TOKEN), List.of(new Evidence("pytest -k " + TOKEN, 1,
          Duration.ofSeconds(1), "E   AssertionError: " + NAMED, false)));
      Fact masked = redactor.fact(f);
      // A record's toString shows every field, nested records included.
      assertThat(masked.toString()).as(v.getClass().getSimpleName()).doesNotContain(TOKEN).doesNotContain(NAMED)
          .contains(Redactor.MASK);
      assertThat(masked.id()).isEqualTo(f.id());
      assertThat(masked.status()).isEqualTo(f.status());
    }
  }

  /** Ids, counts, shas, kinds and the names a rule matches are not text from outside: they stay. */
  @Test
  void whatIsNotSecretStaysAsItIs() {
    Value.Commits commits = (Value.Commits) redactor.value(new Value.Commits(List.of(
        new Value.Commit("328fd7edab6300157cf3b516b81ad36c3ff026a6", "test_token_refresh works")), 7));
    assertThat(commits).isEqualTo(new Value.Commits(List.of(
        new Value.Commit("328fd7edab6300157cf3b516b81ad36c3ff026a6", "test_token_refresh works")), 7));
    Phrase p = Phrase.of("env var ").then(Phrase.Kind.NAME, "GITHUB_TOKEN").then(" read in ")
        .then(Phrase.Kind.PATH, "pkg/auth.py");
    assertThat(redactor.phrase(p)).isEqualTo(p);
  }

  /**
   * Redaction runs before the judge, so it must keep what the judge reads: it dropped the candidates' undecided
   * reasons, and a new import under an unreadable pyproject.toml then read PASS instead of UNKNOWN in real runs.
   */
  @Test
  void candidatesKeepWhatTheJudgeReads() {
    Value.Candidates in = new Value.Candidates(List.of(new Value.Candidate(Phrase.of("package x"), List.of("x"))),
        List.of("y"), List.of(), List.of("pyproject.toml: not valid TOML"), List.of("x"));
    Fact f = Fact.info(FactId.of("happypath.x"), in, "1 found");
    Value.Candidates out = (Value.Candidates) redactor.fact(f).value();
    assertThat(out.undecided()).containsExactly("pyproject.toml: not valid TOML");
    assertThat(out.undeclared()).containsExactly("x");
    assertThat(out.listed()).containsExactly("y");
  }
}
