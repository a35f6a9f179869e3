package dev.forkstate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * YAML 1.1 resolution as forkstate.yml has always been read (these outcomes were recorded from the Jackson-based
 * loader before SnakeYAML's node tree replaced it): what the user wrote where text is expected is text only when YAML
 * calls it text; a number, a boolean word or a float there is refused, never turned into text.
 */
class ConfigYamlEdgeCasesTest {
  private final ConfigLoader loader = new ConfigLoader();

  private static String errorOf(String yaml) {
    return ConfigErrors.of(yaml);
  }

  private String forkBranch(String value) {
    return loader.parse("fork_branch: " + value + "\n", "forkstate.yml").forkBranch();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "on", "off", "true", "True", "FALSE", "0x10", "017", "1_000", "+12", "12",
      "1.0", "1e3", ".5", "0b101", ".inf", "-.inf", ".NaN", "!!int 12", "!!bool yes", "!!float 1"})
  void aNumberOrABooleanWordWhereTextIsExpectedIsRefused(String value) {
    assertThat(errorOf("fork_branch: " + value + "\n")).isEqualTo("config key 'fork_branch' has the wrong type; "
        + "expected text (forkstate.yml:1:14); see the config reference in README.md");
  }

  @Test
  void whatYamlCallsTextStaysTextAsWritten() {
    assertThat(forkBranch("y")).isEqualTo("y"); // YAML 1.1 booleans are whole words
    assertThat(forkBranch("0o17")).isEqualTo("0o17"); // YAML 1.2 octal is not a YAML 1.1 number
    assertThat(forkBranch("2024-01-01")).isEqualTo("2024-01-01"); // a timestamp is not turned into a date
    assertThat(forkBranch("2001-12-14t21:59:43.10-05:00")).isEqualTo("2001-12-14t21:59:43.10-05:00");
    assertThat(forkBranch("1:20")).isEqualTo("1:20"); // base-60 stays text
    assertThat(forkBranch("3.12.1")).isEqualTo("3.12.1");
    assertThat(forkBranch("v1.0")).isEqualTo("v1.0");
    assertThat(forkBranch("\"12\"")).isEqualTo("12");
    assertThat(forkBranch("'yes'")).isEqualTo("yes");
    assertThat(forkBranch("!!str 12")).isEqualTo("12");
    assertThat(forkBranch("\"\"")).isEmpty();
    assertThat(forkBranch("<<")).isEqualTo("<<");
    assertThat(forkBranch("a#b")).isEqualTo("a#b");
    assertThat(forkBranch("a # comment")).isEqualTo("a");
    assertThat(loader.parse("fork_branch: |\n  multi\n  line\n", "f").forkBranch()).isEqualTo("multi\nline\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "~", "null", "Null", "NULL", "!!null x"})
  void nullWordsAreUnset(String value) {
    assertThat(forkBranch(value)).isNull();
  }

  private Integer timeout(String value) {
    return loader.parse("smokes:\n  - {command: x, timeout_seconds: " + value + "}\n", "forkstate.yml").smokes()
        .get(0).timeoutSeconds();
  }

  @Test
  void wholeNumbersReadAsYaml11Does() {
    assertThat(timeout("300")).isEqualTo(300);
    assertThat(timeout("0x10")).isEqualTo(16);
    assertThat(timeout("010")).isEqualTo(8);
    assertThat(timeout("0b11")).isEqualTo(3);
    assertThat(timeout("1_000")).isEqualTo(1000);
    assertThat(timeout("+5")).isEqualTo(5);
    assertThat(timeout("2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(timeout("!!int \"5\"")).isEqualTo(5);
    assertThat(timeout("~")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"300\"", "soon", "3.0", "1e3", "09", "0o10", "1:20", "yes", "true", "!!str 5", "[1]",
      "{a: 1}"})
  void anythingButAWholeNumberIsRefusedWhereOneIsExpected(String value) {
    assertThat(errorOf("smokes:\n  - {command: x, timeout_seconds: " + value + "}\n")).isEqualTo(
        "config key 'smokes[0].timeout_seconds' has the wrong type; expected a whole number (forkstate.yml:2:35); "
            + "see the config reference in README.md");
  }

  @Test
  void aWholeNumberTooLargeIsRefusedNotCut() {
    assertThat(errorOf("smokes:\n  - {command: x, timeout_seconds: 2147483648}\n")).isEqualTo(
        "config key 'smokes[0].timeout_seconds' is out of range: 2147483648 is not between -2147483648 and "
            + "2147483647 (forkstate.yml:2:35); use a number in that range");
  }

  private String llm(String draft) {
    return "llm: {base_url: http://x/v1, model: m, draft_sections: " + draft + "}\n";
  }

  @Test
  void booleansAreYamlBooleansOnly() {
    assertThat(loader.parse(llm("yes"), "f").llm().draftSections()).isTrue();
    assertThat(loader.parse(llm("On"), "f").llm().draftSections()).isTrue();
    assertThat(loader.parse(llm("false"), "f").llm().draftSections()).isFalse();
    assertThat(loader.parse(llm("~"), "f").llm().draftSections()).isNull();
    for (String notABoolean : new String[] {"1", "0", "\"true\"", "maybe", "1.0", "[true]", "\"\""}) {
      assertThat(errorOf(llm(notABoolean))).as(notABoolean).isEqualTo("config key 'llm.draft_sections' has the "
          + "wrong type; expected true or false (forkstate.yml:1:56); see the config reference in README.md");
    }
  }

  private String threshold(String max) {
    return "metrics: {commands: [{name: p, command: x, thresholds: [{metric: e, max: " + max + "}]}]}\n";
  }

  @Test
  void thresholdsAreFiniteNumbers() {
    assertThat(loader.parse(threshold("2"), "f").metrics().commands().get(0).thresholds().get(0).max())
        .isEqualTo(2.0);
    assertThat(loader.parse(threshold("2.5e1"), "f").metrics().commands().get(0).thresholds().get(0).max())
        .isEqualTo(25.0);
    for (String notANumber : new String[] {"\"2\"", "abc", "true", ".inf", ".nan", "\"NaN\"", "1e400", "\"\""}) {
      assertThat(errorOf(threshold(notANumber))).as(notANumber).isEqualTo("config key "
          + "'metrics.commands[0].thresholds[0].max' has the wrong type; expected a number (forkstate.yml:1:74); "
          + "see the config reference in README.md");
    }
  }

  @Test
  void listsAndMappingsMustBeWhatTheSchemaSays() {
    assertThat(errorOf("paths: [a, 1]\n")).startsWith("config key 'paths[1]' has the wrong type; expected text "
        + "(forkstate.yml:1:12)");
    assertThat(errorOf("paths: \"\"\n")).startsWith("config key 'paths' has the wrong type; expected a list "
        + "(forkstate.yml:1:8)");
    assertThat(errorOf("smokes: [x]\n")).startsWith("config key 'smokes[0]' has the wrong type; expected a mapping "
        + "of keys (forkstate.yml:1:10)");
    assertThat(errorOf("ci:\n  job:\n    - a\n")).startsWith("config key 'ci.job' has the wrong type; expected text "
        + "(forkstate.yml:3:5)");
    assertThat(errorOf("42\n")).startsWith("config key '<top level>' has the wrong type; expected a mapping of keys "
        + "(forkstate.yml:1:1)");
    assertThat(loader.parse("paths: [a, ~]\n", "f").paths()).containsExactly("a", null);
    assertThat(loader.parse("ci: {}\n", "f").ci()).isEqualTo(new ForkstateConfig.CiConfig(null, null, null, null));
    assertThat(loader.parse("~\n", "f")).isEqualTo(ForkstateConfig.empty());
  }

  @Test
  void aKeyGivenTwiceIsRefusedNotSilentlyDropped() {
    assertThat(errorOf("fork_branch: a\nfork_branch: b\n"))
        .isEqualTo("config key 'fork_branch' is given twice (forkstate.yml:2:1); keep one of them");
    assertThat(errorOf("pr_bounds: {max_commits: 3, max_commits: 4}\n"))
        .startsWith("config key 'pr_bounds.max_commits' is given twice (forkstate.yml:1:29)");
  }

  @Test
  void aliasesAreFollowedAndAnUndefinedOneIsAnError() {
    ForkstateConfig c = loader.parse("fork_branch: &b fork/stable\nupstream_ref: *b\n", "f");
    assertThat(c.upstreamRef()).isEqualTo("fork/stable");
    assertThat(errorOf("fork_branch: *nothing\n"))
        .startsWith("config is not valid YAML: found undefined alias nothing (forkstate.yml:1:14)");
    assertThat(errorOf("ci:\n  <<: {job: x}\n")).startsWith("config key 'ci.<<' is unknown (forkstate.yml:2:3)");
  }

  @Test
  void aSecondDocumentIsRefusedWhereItStarts() {
    assertThat(errorOf("fork_branch: a\n---\nfork_branch: b\n")).isEqualTo("config holds more than one YAML "
        + "document (forkstate.yml:3:1); keep one document: remove the second '---' and what follows it");
    assertThat(errorOf("fork_branch: a\n--- x\n")).contains("(forkstate.yml:2:5)");
    assertThat(loader.parse("---\nfork_branch: a\n...\n", "f").forkBranch()).isEqualTo("a");
  }

  @Test
  void aWrongValueIsReportedBeforeAnUnknownKeyBesideIt() {
    assertThat(errorOf("zzz: 1\nfork_branch: 12\n")).startsWith("config key 'fork_branch' has the wrong type");
    assertThat(errorOf("fork_branch: x\nzzz: 1\nyyy: 2\n")).startsWith("config key 'zzz' is unknown "
        + "(forkstate.yml:2:1); valid keys here: assessment_prompt, capabilities, ci, fork_branch, guide, happypath, "
        + "history_db, live_check, llm, metrics, paths, pr_bounds, pr_branches, project, required_checks, smokes, "
        + "upstream_ref");
  }

  /** The README's reference sets every key: it parses, and every top-level key is bound (the whole schema reads). */
  @Test
  void theReadmeConfigReferenceSetsEveryKeyAndParses() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("## Config reference");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    ForkstateConfig c = loader.parse(readme.substring(start, readme.indexOf("```", start)), "README.md");
    for (RecordComponent rc : ForkstateConfig.class.getRecordComponents()) {
      assertThat(rc.getAccessor().invoke(c)).as(RecordBinder.snakeCase(rc.getName())).isNotNull();
    }
    assertThat(c.metrics().commands().get(0).thresholds().get(0).withinPct()).isEqualTo(3.0);
  }

  @Test
  void syntaxErrorsNameWhereTheYamlStoppedReadingWell() {
    assertThat(errorOf("fork_branch: \"a\n")).isEqualTo("config is not valid YAML: while scanning a quoted scalar "
        + "(forkstate.yml:1:12); fix the YAML syntax");
    assertThat(errorOf("a: b: c\n")).isEqualTo("config is not valid YAML: mapping values are not allowed here "
        + "(forkstate.yml:1:5); fix the YAML syntax");
    assertThat(errorOf("fork_branch: a\n\tupstream_ref: b\n")).startsWith("config is not valid YAML: while scanning "
        + "for the next token (forkstate.yml:1:15)");
    assertThat(errorOf("? [a]\n: x\n")).startsWith("config key is not a name (forkstate.yml:1:3)");
  }
}
