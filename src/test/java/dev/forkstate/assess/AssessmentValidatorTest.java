package dev.forkstate.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
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
      Fact.of(FactIds.UPSTREAM_BEHIND, Status.WARN, new Value.Count(12), "12 commits behind", EV),
      Fact.of(FactIds.UPSTREAM_AHEAD, Status.PASS, new Value.Count(40), "40 ahead", EV),
      new Fact(FactId.of("smoke.smokes"), Status.FAIL, new Value.Tests(8, 1, 0, 1, List.of()), "8 passed, 1 failed",
          "", List.of(EV)),
      Fact.unknown(FactIds.CI_RUN_LAST_PUSH, "not read"),
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

  private static AssessmentValidator.Result claimed(String cites, String claims) {
    String arr = cites.isEmpty() ? "[]" : "[\"" + String.join("\",\"", cites.split(" ")) + "\"]";
    return AssessmentValidator.validate("{\"points\":[{\"text\":\"See the facts.\",\"cites\":" + arr
        + ",\"claims\":" + claims + "}]}", FACTS);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "smoke.smokes | [{\"fact\": \"smoke.smokes\", \"status\": \"FAIL\", \"passed\": 8, \"failed\": 1}] => kept",
      "upstream.behind | [{\"fact\": \"upstream.behind\", \"status\": \"WARN\", \"number\": 12}] => kept",
      "upstream.ahead | [] => kept",
      "upstream.ahead | null => kept",
      "smoke.smokes | [{\"fact\": \"smoke.smokes\", \"status\": \"PASS\"}] => claims smoke.smokes is PASS; "
          + "measured FAIL",
      "upstream.ahead | [{\"fact\": \"upstream.ahead\", \"status\": \"INFO\"}] => claims upstream.ahead is "
          + "INFO; measured PASS",
      "upstream.ahead | [{\"fact\": \"upstream.ahead\", \"status\": \"pass\"}] => claims upstream.ahead is "
          + "pass, which is not a status (PASS, FAIL, WARN, UNKNOWN, SKIPPED, INFO); measured PASS",
      "upstream.behind | [{\"fact\": \"upstream.behind\", \"number\": 3}] => claims upstream.behind number 3; "
          + "measured 12",
      "upstream.ahead | [{\"fact\": \"upstream.ahead\", \"number\": 99999999999999999999}] => claims "
          + "upstream.ahead number 99999999999999999999; measured 40",
      "smoke.smokes | [{\"fact\": \"smoke.smokes\", \"passed\": 9}] => claims smoke.smokes passed 9; measured 8",
      "smoke.smokes | [{\"fact\": \"smoke.smokes\", \"failed\": 100000000000000000000000000000000000000000001}] "
          + "=> claims smoke.smokes failed 1000000000000000000000000000000000000000…; measured 1",
      "smoke.smokes | [{\"fact\": \"smoke.smokes\", \"skipped\": 0}] => claims smoke.smokes skipped 0; measured 1",
      "smoke.smokes | [{\"fact\": \"smoke.smokes\", \"number\": 10}] => claims smoke.smokes number 10, but it "
          + "measured no single count (claim passed, failed, errors or skipped)",
      "upstream.ahead | [{\"fact\": \"upstream.ahead\", \"passed\": 40}] => claims upstream.ahead passed 40, but "
          + "it measured no test run",
      "ci.run.last-push | [{\"fact\": \"ci.run.last-push\", \"number\": 0}] => claims ci.run.last-push number 0, "
          + "but it measured no single count",
      "upstream.ahead | [{\"fact\": \"extras.guarded\", \"status\": \"PASS\"}] => cites extras.guarded, which "
          + "was not measured",
      " | [{\"fact\": \"extras.guarded\", \"number\": 2}] => cites extras.guarded, which was not measured",
      "upstream.ahead | [{\"fact\": \"upstream.ahead\", \"number\": 40}, {\"fact\": \"upstream.behind\", "
          + "\"number\": 13}] => claims upstream.behind number 13; measured 12"})
  void claimsAreComparedExactlyWithTheFacts(String input, String expected) {
    String[] parts = input.split("\\|", 2);
    AssessmentValidator.Result r = claimed(parts[0].strip(), parts[1].strip());
    if (expected.equals("kept")) {
      assertThat(r.dropped()).isEmpty();
      assertThat(r.kept()).hasSize(1);
    } else {
      assertThat(r.kept()).isEmpty();
      assertThat(r.dropped()).singleElement().satisfies(d -> assertThat(d.why()).isEqualTo(expected));
    }
  }

  @Test
  void theFactsOfAClaimAreAmongThePointsCitations() {
    AssessmentValidator.Result r = claimed("upstream.ahead", "[{\"fact\": \"smoke.smokes\", \"failed\": 1}]");
    assertThat(r.kept()).singleElement().satisfies(p -> assertThat(p.cites())
        .containsExactly(FactId.of("smoke.smokes"), FactIds.UPSTREAM_AHEAD));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "[\"smoke.smokes\"] => claim \"smoke.smokes\" has no \"fact\" id",
      "[{\"fact\": 42, \"number\": 1}] => claim {\"fact\":42,\"number\":1} has no \"fact\" id",
      "[{\"fact\": \"Not An Id\", \"number\": 1}] => bad fact id: Not An Id",
      "{\"fact\": \"smoke.smokes\"} => \"claims\" is not a list",
      "[{\"fact\": \"smoke.smokes\"}] => claim on smoke.smokes states nothing",
      "[{\"fact\": \"smoke.smokes\", \"passed\": \"8\"}] => claim on smoke.smokes has passed \"8\"; a claim "
          + "states \"status\" (a name) or \"number\", \"passed\", \"failed\", \"errors\", \"skipped\" "
          + "(whole numbers)",
      "[{\"fact\": \"smoke.smokes\", \"passed\": 8.5}] => claim on smoke.smokes has passed 8.5; a claim "
          + "states \"status\" (a name) or \"number\", \"passed\", \"failed\", \"errors\", \"skipped\" "
          + "(whole numbers)",
      "[{\"fact\": \"upstream.commits\", \"total\": 3}] => claim on upstream.commits has total 3; a claim "
          + "states \"status\" (a name) or \"number\", \"passed\", \"failed\", \"errors\", \"skipped\" "
          + "(whole numbers)"})
  void aPointThatCannotBeCheckedIsDroppedAloneWithWhy(String claims, String why) {
    AssessmentValidator.Result r = AssessmentValidator.validate("{\"points\": ["
        + "{\"text\": \"12 commits behind upstream.\", \"cites\": [\"upstream.behind\"]},"
        + "{\"text\": \"Smokes: 8 passed.\", \"cites\": [\"smoke.smokes\"], \"claims\": " + claims + "},"
        + "{\"text\": \"40 commits ahead.\", \"cites\": [\"upstream.ahead\"],"
        + " \"claims\": [{\"fact\": \"upstream.ahead\", \"number\": 40}]}]}", FACTS);
    assertThat(r.readable()).isTrue();
    assertThat(r.kept()).extracting(p -> p.text().plain()).containsExactly("12 commits behind upstream.",
        "40 commits ahead.");
    assertThat(r.dropped()).singleElement().satisfies(d -> {
      assertThat(d.text()).isEqualTo("Smokes: 8 passed.");
      assertThat(d.why()).isEqualTo("could not be validated: " + why);
    });
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
    assertThat(r.kept()).extracting(p -> p.text().plain()).containsExactly("12 commits behind upstream: merge soon.");
    assertThat(r.dropped()).extracting(AssessmentValidator.Dropped::why)
        .containsExactly("calls smoke.smokes green (\"pass\"), but it is FAIL");
  }
}
