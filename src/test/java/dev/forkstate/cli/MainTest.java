package dev.forkstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.support.TestEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI contract: exit codes, stdout for the product, one line on stderr for errors. */
class MainTest {
  @TempDir
  Path tmp;

  Map<String, String> env;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("forkstate ");
    assertThat(run("generate", "--help")).isZero();
    assertThat(out.toString()).contains("--offline", "--format", "--repo", "--out");
  }

  @Test
  void theRootHelpListsEverySubcommandThoughARunBuildsOnlyTheOneItInvokes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("generate", "verify", "init", "demo", "history", "diff", "check");
    assertThat(ForkstateCommand.commandLine(new ForkstateCommand(env), "generate", "--offline").getSubcommands())
        .containsOnlyKeys("generate");
    assertThat(ForkstateCommand.commandLine(new ForkstateCommand(env), "--version").getSubcommands())
        .containsOnlyKeys("generate", "verify", "init", "demo", "history", "diff", "check");
  }

  @Test
  void anUnknownSubcommandIsAUsageErrorPointingAtTheRootHelp() {
    assertThat(run("generat")).isEqualTo(2);
    assertThat(err.toString().lines().toList()).containsExactly(
        "forkstate: Unmatched argument at index 0: 'generat'", "see 'forkstate --help'");
  }

  @Test
  void unknownFlagIsOneLinePlusHelpHintAndExit2() {
    assertThat(run("generate", "--bogus")).isEqualTo(2);
    assertThat(err.toString().lines().toList()).containsExactly("forkstate: Unknown option: '--bogus'",
        "see 'forkstate generate --help'");
  }

  /**
   * The help of every command, as the annotated model of forkstate 0.1.0 printed it (captured from that build): the
   * model now built in code ({@link CommandModel}) must print the same, option for option.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "generate", "verify", "init", "demo", "history", "diff", "check"})
  void everyHelpIsTheOneTheAnnotatedModelPrinted(String command) throws Exception {
    String expected;
    try (var in = MainTest.class.getResourceAsStream("/cli-help/" + (command.isEmpty() ? "forkstate" : command)
        + ".txt")) {
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(command.isEmpty() ? run("--help") : run(command, "--help")).isZero();
    assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo(expected);
  }

  @Test
  void aMissingOrMistypedRunNumberIsAUsageError() {
    assertThat(run("diff", "1")).isEqualTo(2);
    assertThat(err.toString().lines().toList()).containsExactly("forkstate: Missing required parameter: 'RUN2'",
        "see 'forkstate diff --help'");
    err.getBuffer().setLength(0);
    assertThat(run("diff", "1", "x")).isEqualTo(2);
    assertThat(err.toString().lines().toList()).containsExactly(
        "forkstate: Invalid value for positional parameter at index 1 (RUN2): 'x' is not a long",
        "see 'forkstate diff --help'");
    err.getBuffer().setLength(0);
    assertThat(run("history", "--limit", "x")).isEqualTo(2);
    assertThat(err.toString().lines().toList()).containsExactly(
        "forkstate: Invalid value for option '--limit': 'x' is not an int", "see 'forkstate history --help'");
  }

  @Test
  void badFormatIsAUsageError() {
    assertThat(run("generate", "--format", "xml", "--repo", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("forkstate: --format must be md or json, not 'xml'");
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("a command is required");
  }

  @Test
  void notAGitRepositoryIsExit2WithOneLineAndNoStackTrace() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThat(run("generate", "--repo", plain.toString())).isEqualTo(2);
    assertThat(err.toString().lines().toList()).singleElement().asString()
        .startsWith("forkstate: ").contains("is not a git repository").doesNotContain("Exception");
  }

  @Test
  void debugShowsTheStackTrace() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThat(run("generate", "--debug", "--repo", plain.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("dev.forkstate.error.UserError");
  }

  @Test
  void unknownConfigKeyIsExit2NamingFileLineColumnAndTheNearestKey() {
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init();
    g.write("forkstate.yml", "project: x\nsmokes:\n  - name: s\n    comand: pytest\n").commit("c");
    assertThat(run("generate", "--repo", g.dir().toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("forkstate: config key 'smokes[0].comand' is unknown "
        + "(forkstate.yml:4:5); did you mean 'smokes[0].command'?");
  }

  @Test
  void failingRequiredCheckWritesTheReportAndExits1() {
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init();
    g.write("tests/test_x.py", "def test_x():\n    assert False\n")
        .write("forkstate.yml", "fork_branch: main\nsmokes:\n  - name: unit\n    command: pytest -q tests\n")
        .commit("c");
    g.tag("v1");
    assertThat(run("generate", "--repo", g.dir().toString(), "--offline")).isEqualTo(1);
    assertThat(out.toString().strip()).endsWith("STATE_OF_PROJECT.md");
    assertThat(g.dir().resolve("STATE_OF_PROJECT.md")).exists();
    assertThat(err.toString()).contains("smokes-pass FAIL").contains("(exit 1)");
  }

  @Test
  void inCiEachStepIsAPlainLineAndQuietSilencesThem() {
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init();
    g.write("tests/test_x.py", "def test_x():\n    assert True\n")
        .write("forkstate.yml", "fork_branch: main\nsmokes:\n  - name: unit\n    command: pytest -q tests\n")
        .commit("c");
    env.put("CI", "true");
    run("generate", "--repo", g.dir().toString(), "--offline", "--out", "-");
    assertThat(err.toString().lines().filter(l -> l.matches("forkstate: \\[\\d+\\.\\ds\\] .*")).toList())
        .extracting(l -> l.replaceAll("\\[[^]]*\\] ", "")).containsExactly(
            "forkstate: reading the repository and its config",
            "forkstate: measuring git, upstream, workflow and the Python changes",
            "forkstate: running the smokes",
            "forkstate: checking commands and capabilities",
            "forkstate: writing the assessment",
            "forkstate: writing to stdout");
    err.getBuffer().setLength(0);
    run("generate", "--repo", g.dir().toString(), "--offline", "--out", "-", "--quiet");
    assertThat(err.toString().lines().toList()).singleElement().asString().contains("(exit ");
  }

  @Test
  void jsonToStdout() {
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init();
    g.write("a.txt", "a\n").commit("c");
    run("generate", "--repo", g.dir().toString(), "--offline", "--format", "json", "--out", "-");
    assertThat(out.toString()).startsWith("{").contains("\"schemaVersion\" : 1");
    assertThat(g.dir().resolve("STATE_OF_PROJECT.json")).doesNotExist();
  }

  @Test
  void initWritesAConfigThatGenerateAcceptsAndRefusesToOverwrite() throws Exception {
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init();
    g.write("tests/smoke/test_a.py", "def test_a():\n    assert True\n")
        .write(".github/workflows/ci.yml", "on: push\n")
        .write("docs/HAPPYPATH_GUIDE.md", "# guide\n")
        .write("local/scripts/live_checks.py", "import os\nos.environ['OPENAI_API_KEY']\n")
        .commit("c");
    assertThat(run("init", "--repo", g.dir().toString())).isZero();
    assertThat(err.toString()).contains("then commit it: git add forkstate.yml");
    String yaml = Files.readString(g.dir().resolve("forkstate.yml"));
    assertThat(yaml).contains("fork_branch: \"main\"", "pytest -q tests/smoke", ".github/workflows/ci.yml",
        "docs/HAPPYPATH_GUIDE.md", "requires_env: [OPENAI_API_KEY]", "With blunt criticalal");
    assertThat(run("init", "--repo", g.dir().toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already exists").contains("--force");
    assertThat(run("generate", "--repo", g.dir().toString(), "--offline", "--out", "-")).isIn(0, 1);
  }

  @Test
  void demoBuildsAForkAndWritesItsReport() throws Exception {
    Path dir = tmp.resolve("demo");
    assertThat(run("demo", "--dir", dir.toString())).isZero();
    Path report = Path.of(out.toString().strip());
    assertThat(report).isEqualTo(dir.resolve("fork/STATE_OF_PROJECT.md"));
    String md = Files.readString(report);
    assertThat(md).contains("## Executive Summary", "## References", "**PASS** Smokes: ");
    assertThat(err.toString()).contains("forkstate: passed: 6 of 7 required checks pass; not verified (offline): ci-last-push-green (exit 0)");
    assertThat(run("demo", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not empty");
  }

  @Test
  void verifyExitsOneOnAFalseClaimAndPrintsTheTable() {
    GitScript g = new GitScript(tmp.resolve("v"), env, 0).init();
    g.write("STATE_OF_PROJECT.md", "Executive Summary\n- see `docs/missing.md`\n").write("a.txt", "a\n").commit("c");
    assertThat(run("verify", "--repo", g.dir().toString())).isEqualTo(1);
    // One section is not a state report: only the cited path is a claim, not the ten sections it lacks.
    assertThat(out.toString()).contains("| 2 | `docs/missing.md` exists | **FALSE** |", "Not a state report");
    assertThat(err.toString()).contains("1 claims: 0 TRUE, 1 FALSE, 0 UNVERIFIABLE (exit 1)");
    assertThat(run("verify", "--repo", g.dir().toString(), "nope.md")).isEqualTo(2);
    assertThat(err.toString()).contains("forkstate: report nope.md does not exist");
  }

  @Test
  void initOutsideARepositoryIsExit2() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThat(run("init", "--repo", plain.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a git repository");
    assertThat(plain.resolve("forkstate.yml")).doesNotExist();
  }
}
