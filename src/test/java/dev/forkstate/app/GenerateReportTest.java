package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.error.ExitCode;
import dev.forkstate.error.UserError;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.report.SectionTitles;
import dev.forkstate.support.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** End to end on the demo fork: every section, facts that match git and pytest, byte-identical reruns. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenerateReportTest {
  Path tmp;

  Map<String, String> env;
  Path fork;

  @BeforeAll
  void buildDemo(@TempDir Path dir) {
    tmp = dir;
    env = TestEnv.isolated(tmp.resolve("home"));
    fork = DemoProject.build(tmp.resolve("demo"), env);
  }

  /** Offline, as the demo runs: its remotes are local folders, so there is no GitHub to ask about CI. */
  private GenerateResult generate(GenerateRequest.Format format, String out) {
    return new GenerateReport().run(new GenerateRequest(fork, out, format, true, null, env));
  }

  // One offline report and one JSON document of the demo serve every test that only reads them: a generation runs
  // the smokes (pytest) several times, the largest cost of this class.
  private GenerateResult written;
  private String writtenMd;
  private GenerateResult json;

  /** The demo's report, written offline to STATE_OF_PROJECT.md, as it was right after that write. */
  private synchronized GenerateResult written() throws Exception {
    if (written == null) {
      written = generate(GenerateRequest.Format.MD, null);
      writtenMd = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
    }
    return written;
  }

  /** The demo's JSON document, offline, printed to stdout. */
  private synchronized GenerateResult json() {
    if (json == null) {
      json = generate(GenerateRequest.Format.JSON, "-");
    }
    return json;
  }

  @Test
  void verifyOnTheReportJustWrittenFindsNothingFalse() throws Exception {
    written();
    Path out = Files.writeString(tmp.resolve("verify-me.md"), writtenMd);
    VerifyReport.Result r = new VerifyReport().run(new VerifyReport.Request(fork, out, false, false, null, env));
    assertThat(VerifyOwnReportTest.falseClaims(r)).isEmpty();
    assertThat(r.claims()).anyMatch(c -> c.verdict() == dev.forkstate.verify.Verdict.TRUE);
  }

  @Test
  void reportHasEverySectionInTheSeedsOrder() throws Exception {
    GenerateResult r = written();
    String md = writtenMd;
    assertThat(md).startsWith("<!-- forkstate:begin id=title sha=");
    assertThat(md.lines().filter(l -> !l.startsWith("<!--")).findFirst()).contains("# State of minillm fork — 2026-01-01");
    List<String> headings = md.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
    assertThat(headings).containsExactlyElementsOf(SectionTitles.TITLES);
    assertThat(md).contains("  > With blunt criticalal expert-level honest assessment, How does our fork compare "
        + "with with the original minillm\n");
    assertThat(md).endsWith("\n").doesNotEndWith("\n\n");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void sameStateGivesTheSameBytes() throws Exception {
    // The first write may differ: its "changes since the last report" compares with whatever was there before.
    generate(GenerateRequest.Format.MD, null);
    generate(GenerateRequest.Format.MD, null);
    byte[] first = Files.readAllBytes(fork.resolve("STATE_OF_PROJECT.md"));
    generate(GenerateRequest.Format.MD, null);
    byte[] second = Files.readAllBytes(fork.resolve("STATE_OF_PROJECT.md"));
    assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
  }

  @Test
  void factsMatchWhatGitAndPytestSay() throws Exception {
    GenerateResult r = new GenerateReport().run(new GenerateRequest(fork, "-", GenerateRequest.Format.MD, false,
        null, env));
    var facts = new dev.forkstate.fact.FactSet(r.report().facts());
    GitScript git = new GitScript(fork, env, 0);
    assertThat(facts.count(FactIds.UPSTREAM_BEHIND)).contains(
        Long.parseLong(git.git("rev-list", "--count", "HEAD..upstream/main").strip()));
    assertThat(facts.count(FactIds.UPSTREAM_AHEAD)).contains(
        Long.parseLong(git.git("rev-list", "--count", "upstream/main..HEAD").strip()));
    assertThat(facts.text(FactIds.GIT_HEAD_SHA)).contains(git.git("rev-parse", "HEAD").strip());
    assertThat(facts.text(FactIds.GIT_DESCRIBE)).contains(git.git("describe", "--tags", "--always").strip());
    assertThat(facts.text(FactIds.UPSTREAM_MERGE_BASE)).contains(git.git("merge-base", "HEAD", "upstream/main").strip());

    Value.Tests tests = (Value.Tests) facts.get("smoke.smokes").orElseThrow().value();
    String pytestSummary = runPytest(fork);
    int total = tests.passed() + tests.skipped();
    assertThat(pytestSummary).contains(tests.passed() + " passed");
    if (tests.skipped() > 0) {
      assertThat(pytestSummary).contains(tests.skipped() + " skipped");
    }
    assertThat(total).isEqualTo(5);
    assertThat(facts.get(FactIds.LIVE_CHECK).orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(facts.get(FactIds.LIVE_CHECK).orElseThrow().reason()).isEqualTo("MINILLM_API_KEY is not set");
    // Online, but the demo's origin is a local folder: CI cannot be read, and says so.
    assertThat(facts.get(FactIds.CI_RUN_LAST_PUSH).orElseThrow().status()).isEqualTo(Status.UNKNOWN);
    assertThat(facts.get(FactIds.CI_RUN_LAST_PUSH).orElseThrow().reason()).contains("is not a GitHub repository URL");
    assertThat(r.exitCode()).isEqualTo(dev.forkstate.error.ExitCode.CHECKS_NOT_PASSING);
    assertThat(r.written()).isNull();
  }

  private String runPytest(Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", "PYTHONPATH=$(pwd) pytest -q -p no:cacheprovider tests/smoke")
        .directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void jsonIsAVersionedDocumentOfTheSameFacts() throws Exception {
    GenerateResult r = json();
    JsonNode root = new ObjectMapper().readTree(r.rendered());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("facts")).hasSize(r.report().facts().size());
    List<String> ids = new ArrayList<>();
    root.get("facts").forEach(f -> ids.add(f.get("id").asText()));
    assertThat(ids).isSorted().contains("git.head.sha", "smoke.smokes", "upstream.behind");
    root.get("facts").forEach(f -> {
      if (f.get("status").asText().equals("PASS")) {
        assertThat(f.get("evidence")).isNotEmpty();
      }
    });
  }

  /**
   * The JSON carries text, never Markdown: no string outside a command's own text and output holds a code span or a
   * link. Each summary, reason and line text has its typed parts beside it.
   */
  @Test
  void jsonTextIsPlainWithTypedParts() throws Exception {
    JsonNode root = new ObjectMapper().readTree(json().rendered());
    java.util.regex.Pattern markup = java.util.regex.Pattern.compile("(`+)[^`]+?\\1|\\[[^\\]]*]\\([^)]*\\)");
    List<String> markdown = new ArrayList<>();
    walk(root, "", (path, text) -> {
      if (path.matches(".*\\.evidence\\[\\d+]\\.(command|excerpt)")) {
        return;
      }
      if (markup.matcher(text).find()) {
        markdown.add(path + ": " + text);
      }
    });
    assertThat(markdown).isEmpty();

    JsonNode branch = null;
    for (JsonNode f : root.get("facts")) {
      branch = f.get("id").asText().equals("git.branch.current") ? f : branch;
      assertThat(f.has("summaryParts") && f.has("reasonParts")).as(f.get("id").asText()).isTrue();
    }
    assertThat(branch.get("summary").asText()).isEqualTo("on fork/stable");
    assertThat(branch.get("summaryParts").toString()).isEqualTo("[{\"words\":\"on \"},{\"branch\":\"fork/stable\"}]");
    JsonNode areas = null;
    for (JsonNode f : root.get("facts")) {
      areas = f.get("id").asText().equals("upstream.patches.fork-only") ? f : areas;
    }
    assertThat(areas.get("value").get("paths").get(0).asText()).isEqualTo("(root): 1 commit");
    assertThat(areas.get("value").get("items").get(0).get("parts").toString())
        .isEqualTo("[{\"path\":\"(root)\"},{\"words\":\": 1 commit\"}]");
    // A quote is the configured prompt, verbatim: text with nothing in it to type.
    root.get("sections").forEach(s -> s.get("lines").forEach(l -> {
      if (!l.get("kind").asText().equals("quote")) {
        assertThat(l.has("textParts")).as(l.toString()).isTrue();
      }
    }));
  }

  /** Every string value with its path ("facts[3].summary"), depth first. */
  private static void walk(JsonNode n, String path, java.util.function.BiConsumer<String, String> visit) {
    if (n.isTextual()) {
      visit.accept(path, n.asText());
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), path + "[" + i + "]", visit);
      }
    } else if (n.isObject()) {
      n.fields().forEachRemaining(e -> walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
          visit));
    }
  }

  @Test
  void secretValuesNeverReachAnyOutput() throws Exception {
    Map<String, String> withSecret = new HashMap<>(env);
    String canary = "canary-sk-1234567890abcdef";
    withSecret.put("FORKSTATE_TEST_API_KEY", canary);
    withSecret.put("MINILLM_API_KEY", canary);
    Path repo = tmp.resolve("secret-repo");
    GitScript g = new GitScript(repo, withSecret, 0).init();
    g.write("tests/smoke/test_leak.py", "import os\n\ndef test_leak():\n    print(os.environ['MINILLM_API_KEY'])\n"
        + "    assert os.environ['MINILLM_API_KEY'] == 'nope'\n");
    g.write("forkstate.yml", "smokes:\n  - name: leak\n    command: pytest -q tests/smoke\nlive_check:\n"
        + "  command: echo $MINILLM_API_KEY && exit 1\n  requires_env: [MINILLM_API_KEY]\n");
    g.commit("leaky");
    g.git("remote", "add", "origin", "https://x-access-token:" + canary + "@github.example/o/r.git");
    for (GenerateRequest.Format f : GenerateRequest.Format.values()) {
      GenerateResult r = new GenerateReport().run(new GenerateRequest(repo, "-", f, false, null, withSecret));
      assertThat(r.rendered()).doesNotContain(canary);
      if (f == GenerateRequest.Format.JSON) {
        assertThat(r.rendered()).contains("[REDACTED]");
      }
      r.report().facts().forEach(fact -> fact.evidence().forEach(ev -> {
        assertThat(ev.excerpt()).doesNotContain(canary);
        assertThat(ev.command()).doesNotContain(canary);
      }));
    }
  }

  @Test
  void notAGitRepositoryIsAUserError() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> new GenerateReport().run(new GenerateRequest(plain, null, GenerateRequest.Format.MD,
        true, null, env))).isInstanceOf(UserError.class).hasMessageContaining("is not a git repository");
  }

  @Test
  void outputInAMissingFolderIsAUserErrorAndWritesNothing() {
    String out = tmp.resolve("no/such/dir/report.md").toString();
    assertThatThrownBy(() -> generate(GenerateRequest.Format.MD, out)).isInstanceOf(UserError.class)
        .hasMessageContaining("does not exist");
    assertThat(tmp.resolve("no")).doesNotExist();
  }

  @Test
  void malformedSourceDateEpochIsAUserError() {
    Map<String, String> bad = new HashMap<>(env);
    bad.put("SOURCE_DATE_EPOCH", "yesterday");
    assertThatThrownBy(() -> new GenerateReport().run(new GenerateRequest(fork, "-", GenerateRequest.Format.MD,
        true, null, bad))).isInstanceOf(UserError.class).hasMessageContaining("SOURCE_DATE_EPOCH");
  }

  @Test
  void offlineSkipsLiveAndCiButStillMeasuresGit() throws Exception {
    GenerateResult r = written();
    var facts = new dev.forkstate.fact.FactSet(r.report().facts());
    assertThat(facts.get(FactIds.CI_RUN_LAST_PUSH).orElseThrow().status()).isEqualTo(Status.SKIPPED);
    assertThat(facts.get(FactIds.LIVE_CHECK).orElseThrow().reason()).startsWith("offline");
    assertThat(facts.get(FactIds.GIT_BRANCH_CURRENT).orElseThrow().status()).isEqualTo(Status.PASS);
  }

  /** The README's sample is real output: every line of it appears in the demo's report. */
  @Test
  void readmeSampleMatchesTheDemoReport() throws Exception {
    written();
    String md = writtenMd;
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```markdown\n") + "```markdown\n".length();
    String sample = readme.substring(start, readme.indexOf("```", start));
    boolean node = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "node")));
    List<String> lines = sample.lines().filter(l -> !l.isBlank() && !l.equals("..."))
        .filter(l -> node || !l.contains("Smokes: ")).toList();
    assertThat(lines).hasSizeGreaterThan(10);
    assertThat(md.lines().toList()).containsAll(lines);
  }
}
