package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.error.UserError;
import dev.forkstate.support.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What forkstate may read and replace: no links, no pipes, no foreign files; the user's bytes as they were. */
class OutputFilesTest {
  @TempDir
  Path tmp;

  Map<String, String> env;
  GitScript repo;
  Path report;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("r"), env, 0).init();
    repo.write("a.txt", "a\n").commit("c");
    report = repo.dir().resolve("STATE_OF_PROJECT.md");
  }

  private GenerateResult generate(String out, GenerateRequest.Format format, Path jsonOut, Map<String, String> e) {
    return new GenerateReport().run(new GenerateRequest(repo.dir(), out, format, true, null, e, false, false, true,
        jsonOut));
  }

  private GenerateResult generate() {
    return generate(null, GenerateRequest.Format.MD, null, env);
  }

  @Test
  void jsonOutAndOutRefuseTheReportReadmeAndSourceFiles() throws Exception {
    generate();
    byte[] md = Files.readAllBytes(report);
    assertThatThrownBy(() -> generate(null, GenerateRequest.Format.MD, report, env))
        .isInstanceOf(UserError.class).hasMessageContaining("--json-out names the report itself");
    Path readme = Files.writeString(repo.dir().resolve("README.md"), "# Mine\n\n## Gaps\n- my words\n");
    assertThatThrownBy(() -> generate(null, GenerateRequest.Format.MD, readme, env))
        .isInstanceOf(UserError.class).hasMessageContaining("was not written by forkstate");
    assertThatThrownBy(() -> generate(readme.toString(), GenerateRequest.Format.MD, null, env))
        .isInstanceOf(UserError.class).hasMessageContaining("was not written by forkstate");
    Path source = Files.writeString(Files.createDirectories(repo.dir().resolve("pkg")).resolve("router.py"), "x=1\n");
    assertThatThrownBy(() -> generate(source.toString(), GenerateRequest.Format.MD, null, env))
        .isInstanceOf(UserError.class).hasMessageContaining("was not written by forkstate");
    assertThatThrownBy(() -> generate(report.toString(), GenerateRequest.Format.JSON, null, env))
        .isInstanceOf(UserError.class).hasMessageContaining("was not written by forkstate");
    assertThat(Files.readAllBytes(report)).isEqualTo(md);
    assertThat(Files.readString(readme)).isEqualTo("# Mine\n\n## Gaps\n- my words\n");
    assertThat(Files.readString(source)).isEqualTo("x=1\n");
    // A JSON copy forkstate wrote is replaced on the next run.
    Path json = repo.dir().resolve("STATE_OF_PROJECT.json");
    generate(null, GenerateRequest.Format.MD, json, env);
    generate(null, GenerateRequest.Format.MD, json, env);
    assertThat(Files.readString(json)).contains("\"tool\" : \"forkstate\"");
  }

  @Test
  void noOutputIsWrittenThroughALinkEvenACommittedOne() throws Exception {
    Path victim = Files.writeString(tmp.resolve("victim.txt"), "victim\n");
    Files.createSymbolicLink(repo.dir().resolve("STATE_OF_PROJECT.trend.svg"), victim);
    repo.commit("a committed link");
    assertThatThrownBy(this::generate).isInstanceOf(UserError.class).hasMessageContaining("symbolic link");
    assertThat(Files.readString(victim)).isEqualTo("victim\n");
    assertThat(report).doesNotExist();

    Files.delete(repo.dir().resolve("STATE_OF_PROJECT.trend.svg"));
    Files.createSymbolicLink(report, victim);
    assertThatThrownBy(this::generate).isInstanceOf(UserError.class).hasMessageContaining("symbolic link");
    Files.delete(report);
    Files.createSymbolicLink(repo.dir().resolve("STATE_OF_PROJECT.md.prev"), victim);
    assertThatThrownBy(this::generate).isInstanceOf(UserError.class).hasMessageContaining("symbolic link");
    assertThat(Files.readString(victim)).isEqualTo("victim\n");
  }

  @Test
  void aFifoAsTheReportIsRefusedAtOnceWithoutHanging() throws Exception {
    assertThat(new ProcessBuilder("mkfifo", report.toString()).start().waitFor()).isZero();
    CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
      try {
        generate();
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    Throwable thrown = run.get(60, TimeUnit.SECONDS); // before: blocked forever reading the pipe
    assertThat(thrown).isInstanceOf(UserError.class).hasMessageContaining("not a regular file");
  }

  @Test
  void aByteOrderMarkIsKeptAndReadPastMarkedOrNot() throws Exception {
    generate();
    String marked = Files.readString(report);
    Files.writeString(report, "\uFEFF" + marked);
    GenerateResult r = generate();
    assertThat(Files.readString(report)).startsWith("\uFEFF<!-- forkstate:begin id=title");
    assertThat(r.notes()).noneMatch(n -> n.contains("overwritten"));
    assertThat(repo.dir().resolve("STATE_OF_PROJECT.md.prev")).doesNotExist();

    Files.writeString(report, "\uFEFF# State of my fork\n\nOur Notes\n- keep me\n");
    generate();
    String md = Files.readString(report);
    assertThat(md).startsWith("\uFEFF").contains("Our Notes\n- keep me\n");
    // One title, not the old one and a new one.
    assertThat(md.lines().filter(l -> l.replace("\uFEFF", "").startsWith("# ")).count()).isEqualTo(1);
    assertThat(md).doesNotContain("State of my fork");
  }

  @Test
  void aCrlfReportKeepsItsLineEndingsAndIsNotEditedOnEveryRun() throws Exception {
    generate();
    Files.writeString(report, Files.readString(report).replace("\n", "\r\n") + "My notes\r\n");
    GenerateResult second = generate();
    GenerateResult third = generate();
    String md = Files.readString(report);
    assertThat(md.replace("\r\n", "")).doesNotContain("\n");
    assertThat(md).endsWith("My notes\r\n");
    assertThat(second.notes()).noneMatch(n -> n.contains("overwritten"));
    assertThat(third.notes()).noneMatch(n -> n.contains("overwritten"));
    assertThat(repo.dir().resolve("STATE_OF_PROJECT.md.prev")).doesNotExist();
  }

  @Test
  void aSectionWithARedactedValueIsStableAcrossReruns() throws Exception {
    Map<String, String> withSecret = new HashMap<>(env);
    withSecret.put("MY_API_TOKEN", "canary-secret-value-123");
    repo.write("forkstate.yml", "smokes:\n  - name: s\n    command: echo canary-secret-value-123; false\n")
        .commit("a smoke that prints the secret");
    generate(null, GenerateRequest.Format.MD, null, withSecret);
    byte[] first = Files.readAllBytes(report);
    GenerateResult again = generate(null, GenerateRequest.Format.MD, null, withSecret);
    assertThat(new String(first, StandardCharsets.UTF_8)).doesNotContain("canary-secret-value-123");
    assertThat(again.notes()).noneMatch(n -> n.contains("overwritten"));
    assertThat(repo.dir().resolve("STATE_OF_PROJECT.md.prev")).doesNotExist();
  }

  @Test
  void aPastedSectionForkstateDoesNotWriteIsKept() throws Exception {
    generate();
    String pasted = "<!-- forkstate:begin id=old-notes sha=0123456789ab -->\n## Old notes\n\n- from 2024\n"
        + "<!-- forkstate:end id=old-notes -->\n";
    Files.writeString(report, Files.readString(report) + "\n" + pasted);
    GenerateResult r = generate();
    assertThat(Files.readString(report)).contains(pasted);
    assertThat(r.notes()).anyMatch(n -> n.contains("kept section 'old-notes'"));
    generate();
    assertThat(Files.readString(report)).contains(pasted);
  }
}
