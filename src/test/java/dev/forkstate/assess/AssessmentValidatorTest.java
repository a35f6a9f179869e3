package dev.forkstate.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A model's points survive only when they cite measured facts and do not contradict them. */
class AssessmentValidatorTest {
  private static final Evidence EV = Evidence.ofCommand("git rev-list --left-right --count upstream/main...HEAD");
  private static final FactSet FACTS = new FactSet(List.of(
      Fact.of("upstream.behind", Status.WARN, new Value.Count(12), "12 commits behind", EV),
      Fact.of("upstream.ahead", Status.PASS, new Value.Count(40), "40 ahead", EV),
      new Fact(FactId.of("smoke.smokes"), Status.FAIL, new Value.Tests(8, 1, 0, 1, List.of()), "8 passed, 1 failed",
          "", List.of(EV)),
      Fact.unknown("ci.run.last-push", "not read"),
      Fact.skipped("perf.bench", "no benchmark configured")));

  private static AssessmentValidator.Result one(String text, String cites) {
    String arr = cites.isEmpty() ? "[]" : "[\"" + String.join("\",\"", cites.split(" ")) + "\"]";
    return AssessmentValidator.validate("{\"points\":[{\"text\":\"" + text + "\",\"cites\":" + arr + "}]}", FACTS);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "The fork is 12 commits behind upstream. | upstream.behind => kept",
      "It carries 40 commits of its own. | upstream.ahead => kept",
      "Smokes fail: 8 passed, 1 failed. | smoke.smokes => kept",
      "CI is not green on the last push. | ci.run.last-push => kept",
      "The fork is 3 commits behind upstream. | upstream.behind => states 3 commits behind upstream; measured 12",
      "It carries 7 commits of its own. | upstream.ahead => states 7 fork commits ahead of upstream; measured 40",
      "Smokes: 9 passed. | smoke.smokes => states 9 tests passed; measured 8",
      "Smokes are green. | smoke.smokes => calls smoke.smokes green, but it is FAIL",
      "Smokes are all fine and working. | smoke.smokes => calls smoke.smokes green (\"fine\"), but it is FAIL",
      "Smoke suite: working. | smoke.smokes => calls smoke.smokes green (\"working\"), but it is FAIL",
      "The benchmark is solid. | perf.bench => calls perf.bench green (\"solid\"), but it is SKIPPED",
      "CI looks OK. | ci.run.last-push => calls ci.run.last-push green (\"OK\"), but it is UNKNOWN",
      "Smokes are not fine: 1 failed. | smoke.smokes => kept",
      "The working tree was not read by CI. | ci.run.last-push => kept",
      "It carries 99999999999999999999 commits ahead. | upstream.ahead => states 99999999999999999999 fork commits "
          + "ahead of upstream; measured 40",
      "It is 000000000000000000012 commits behind upstream. | upstream.behind => kept",
      "CI is green. | ci.run.last-push => calls ci.run.last-push green, but it is UNKNOWN",
      "The fork is 20% faster than upstream. | upstream.ahead => claims speed or performance without a performance fact",
      "Router core is well designed. |  => cites no fact",
      "Extras are import-guarded. | extras.guarded => cites extras.guarded, which was not measured",
      "Weird id. | Not An Id => cites Not, which was not measured"})
  void verdicts(String input, String expected) {
    String[] parts = input.split("\\|", 2);
    AssessmentValidator.Result r = one(parts[0].strip(), parts[1].strip());
    if (expected.equals("kept")) {
      assertThat(r.dropped()).isEmpty();
      assertThat(r.kept()).hasSize(1);
    } else {
      assertThat(r.kept()).isEmpty();
      assertThat(r.dropped()).singleElement().satisfies(d -> assertThat(d.why()).isEqualTo(expected));
    }
  }

  @Test
  void malformedAnswersKeepNothing() {
    assertThat(AssessmentValidator.validate("Sure! Here is my assessment: the fork rocks.", FACTS).dropped())
        .singleElement().satisfies(d -> assertThat(d.why()).isEqualTo("the answer is not JSON"));
    assertThat(AssessmentValidator.validate("{\"answer\": \"x\"}", FACTS).dropped())
        .singleElement().satisfies(d -> assertThat(d.why()).isEqualTo("the answer has no \"points\" list"));
  }

  @Test
  void goodPointsSurviveBesideBadOnes() {
    AssessmentValidator.Result r = AssessmentValidator.validate("""
        {"points": [
          {"text": "12 commits behind upstream: merge soon.", "cites": ["upstream.behind"]},
          {"text": "Smokes pass.", "cites": ["smoke.smokes"]}
        ]}""", FACTS);
    assertThat(r.kept()).extracting(Assessment.Point::text).containsExactly("12 commits behind upstream: merge soon.");
    assertThat(r.dropped()).extracting(AssessmentValidator.Dropped::why)
        .containsExactly("calls smoke.smokes green (\"pass\"), but it is FAIL");
  }
}
