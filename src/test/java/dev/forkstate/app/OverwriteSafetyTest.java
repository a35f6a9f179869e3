package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.error.UserError;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Never lose the user's words: a hand-written report, or one edited during a run, is never replaced silently. */
class OverwriteSafetyTest {
  @TempDir
  Path tmp;

  Map<String, String> env;
  GitScript repo;

  @BeforeEach
  void setUp() {
    env = TestEnv.isolated(tmp.resolve("home"));
    repo = new GitScript(tmp.resolve("r"), env, 0).init();
  }

  private GenerateResult generate(boolean force) {
    return new GenerateReport().run(new GenerateRequest(repo.dir(), null, GenerateRequest.Format.MD, true, null,
        env, force));
  }

  @Test
  void aJsonFileForkstateDidNotWriteIsRefusedUnlessForced() throws Exception {
    repo.write("a.txt", "a\n").commit("c");
    Path json = repo.dir().resolve("STATE_OF_PROJECT.json");
    Files.writeString(json, "{\"mine\": true}\n");
    assertThatThrownBy(() -> new GenerateReport().run(new GenerateRequest(repo.dir(), null,
        GenerateRequest.Format.JSON, true, null, env, false))).isInstanceOf(UserError.class)
        .hasMessageContaining("was not written by forkstate")
        .satisfies(e -> assertThat(((UserError) e).fix()).contains("--force"));
    assertThat(Files.readString(json)).isEqualTo("{\"mine\": true}\n");
    new GenerateReport().run(new GenerateRequest(repo.dir(), null, GenerateRequest.Format.JSON, true, null, env,
        true));
    assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1");
  }

  @Test
  void aHandWrittenMarkdownReportIsUpdatedKeepingItsOwnSectionsAndSavedWhole() throws Exception {
    repo.write("a.txt", "a\n").commit("c");
    Path report = repo.dir().resolve("STATE_OF_PROJECT.md");
    String handWritten = "# State of Our Fork\n\nExecutive Summary\n- smokes green\n\nOur Notes\n- keep me\n";
    Files.writeString(report, handWritten);
    GenerateResult r = generate(false);
    String md = Files.readString(report);
    assertThat(md).contains("Our Notes\n- keep me\n").doesNotContain("- smokes green");
    assertThat(Files.readString(repo.dir().resolve("STATE_OF_PROJECT.md.prev"))).isEqualTo(handWritten);
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("migrated").contains("overwritten: 2 edited lines in executive-summary, title")
        .contains("STATE_OF_PROJECT.md.prev"));
  }

  @Test
  void aReportEditedDuringTheRunIsKept() throws Exception {
    repo.write("tests/test_a.py", "def test_a():\n    assert True\n")
        .write("forkstate.yml", "smokes:\n  - name: s\n    command: pytest -q tests\n").commit("c");
    generate(false);
    Path report = repo.dir().resolve("STATE_OF_PROJECT.md");
    // The smoke step edits the report while forkstate runs, as a person in an editor would.
    Files.writeString(repo.dir().resolve("forkstate.yml"), "smokes:\n  - name: s\n"
        + "    command: echo 'my note' >> STATE_OF_PROJECT.md && pytest -q tests\n");
    assertThatThrownBy(() -> generate(false)).isInstanceOf(UserError.class)
        .hasMessageContaining("was edited while forkstate ran");
    assertThat(Files.readString(report)).endsWith("my note\n");
    assertThat(repo.dir().resolve("STATE_OF_PROJECT.md.lock")).doesNotExist();
  }

  @Test
  void aReportThatIsNotUtf8IsRefusedAndLeftByteForByte() throws Exception {
    repo.write("a.txt", "a\n").commit("c");
    Path report = repo.dir().resolve("STATE_OF_PROJECT.md");
    byte[] latin1 = "Executive Summary\n- caf\u00e9 in Latin-1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(report, latin1);
    assertThatThrownBy(() -> generate(false)).isInstanceOf(UserError.class)
        .hasMessageContaining("is not UTF-8 text (byte 0xE9 at offset 23)");
    assertThat(Files.readAllBytes(report)).isEqualTo(latin1);
    assertThat(repo.dir().resolve("STATE_OF_PROJECT.md.prev")).doesNotExist();
  }
}
