package dev.forkstate.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.cli.Main;
import dev.forkstate.support.TestEnv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "Secrets": canaries planted in every place the issue names (a parametrized test id, a failure message, a
 * branch name, a commit subject, variables named REDIS_PASS, SMTP_PASS, GITHUBTOKEN and SLACK_WEBHOOK_URL, one secret
 * holding {@code " \ -- >}, a model's answer that echoes them) appear in no output in any encoding: the Markdown and
 * its .prev, the JSON, history.db, {@code forkstate diff} and {@code history}, stderr, the request sent to the model
 * and the model cache.
 */
class SecretCanaryTest {
  /** Recognised by shape alone: no variable holds these. */
  private static final String IN_TEST_ID = "sk-canary123456789";
  private static final String IN_SUBJECT = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
  private static final String IN_BRANCH = "AKIAIOSFODNN7EXAMPLE";
  /** Recognised by the variable's name; the first holds what JSON and the facts comment escape. */
  private static final Map<String, String> NAMED = new LinkedHashMap<>(Map.of(
      "REDIS_PASS", "pa\"ss\\wo--rd>x1", "SMTP_PASS", "smtp-canary-4711", "GITHUBTOKEN", "plain-canary-token-88",
      "SLACK_WEBHOOK_URL", "https://example.invalid/hook/canary-77123"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  WireMockServer llm;

  @AfterEach
  void stop() {
    if (llm != null) {
      llm.stop();
    }
  }

  @Test
  void noCanaryReachesAnyOutputInAnyEncoding() throws Exception {
    Map<String, String> env = new HashMap<>(TestEnv.isolated(tmp.resolve("home")));
    env.putAll(NAMED);
    Path fork = DemoProject.build(tmp.resolve("demo"), env);
    GitScript g = new GitScript(fork, env, 500);
    g.git("switch", "-q", "-c", "canary/" + IN_BRANCH);
    g.write("tests/smoke/test_canary.py", "import os\nimport pytest\n\n\n"
        + "@pytest.mark.parametrize(\"key\", [\"" + IN_TEST_ID + "\"])\n"
        + "def test_param(key):\n"
        + "    names = " + NAMED.keySet().stream().map(n -> "\"" + n + "\"").toList() + "\n"
        + "    print(\"stdout:\", key, *[os.environ[n] for n in names])\n"
        + "    assert key == \"nope\", \" \".join([key] + [os.environ[n] for n in names])\n");
    g.commit("leak " + IN_SUBJECT + " into the smokes");

    llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    llm.start();
    String echoed = String.join(" ", NAMED.values()) + " " + IN_TEST_ID + " " + IN_SUBJECT;
    String answer = JSON.writeValueAsString(Map.of("points", List.of(
        Map.of("text", "Smokes fail: test_param[" + IN_TEST_ID + "] says " + echoed, "cites", List.of("smoke.smokes")),
        Map.of("text", "The fork carries 4 commits, the newest adds " + IN_SUBJECT, "cites",
            List.of("upstream.ahead")),
        Map.of("text", "Branch canary/" + IN_BRANCH + " is checked out.", "cites", List.of("git.branch.current")))));
    llm.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(completion(answer))));
    Path config = tmp.resolve("forkstate-llm.yml");
    Files.writeString(config, Files.readString(fork.resolve("forkstate.yml"))
        .replace("  allowed_flags:", "  determinism_runs: 1\n  allowed_flags:")
        + "llm:\n  base_url: http://127.0.0.1:" + llm.port() + "/v1\n  model: gpt-4o-mini\n"
        + "  api_key_env: SMTP_PASS\n  max_retries: 0\n");

    List<String> shown = new ArrayList<>();
    Path json = tmp.resolve("out/STATE_OF_PROJECT.json");
    Files.createDirectories(json.getParent());
    GenerateResult first = new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD,
        false, config, env, false, false, true, json));
    shown.add(first.rendered());
    shown.addAll(first.notes());
    // A hand edit in an owned section: the next run replaces it and keeps the old file as .prev.
    Path md = fork.resolve("STATE_OF_PROJECT.md");
    Files.writeString(md, Files.readString(md).replace("## Gaps\n\n", "## Gaps\n\n- edited by hand\n"));
    g.write("tests/smoke/test_canary.py", Files.readString(fork.resolve("tests/smoke/test_canary.py"))
        .replace("\"nope\"", "key")).commit("fix " + IN_SUBJECT);
    GenerateResult second = new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD,
        false, config, env, false, false, true, json));
    shown.add(second.rendered());
    shown.addAll(second.notes());
    assertThat(fork.resolve("STATE_OF_PROJECT.md.prev")).exists();
    // The smoke did fail on the canaries, and the report names the test with the secret masked.
    assertThat(first.rendered()).contains("test_param[[REDACTED]]");
    for (String[] args : List.of(new String[] {"diff", "1", "2"}, new String[] {"history"})) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      List<String> argv = new ArrayList<>(List.of(args));
      argv.addAll(List.of("--repo", fork.toString(), "--config", config.toString()));
      assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), env, argv.toArray(String[]::new))).isZero();
      shown.add(out.toString());
      shown.add(err.toString());
    }
    assertThat(String.join("\n", shown)).contains("test_param[[REDACTED]]");
    llm.getAllServeEvents().forEach(e -> shown.add(e.getRequest().getBodyAsString()));
    assertThat(llm.getAllServeEvents()).isNotEmpty();

    List<String> canaries = new ArrayList<>(NAMED.values());
    canaries.addAll(List.of(IN_TEST_ID, IN_SUBJECT, IN_BRANCH));
    Map<String, String> leaks = new LinkedHashMap<>();
    for (String text : shown) {
      leaks(text, canaries).forEach(form -> leaks.put(form, "output shown or sent: " + abbreviate(text)));
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.startsWith(tmp.resolve("home")))
          .filter(p -> !p.startsWith(fork.resolve(".git"))).filter(p -> !p.startsWith(fork.resolve("tests")))
          .filter(p -> !p.toString().contains("__pycache__") && !p.toString().contains(".pytest_cache")).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        leaks(bytes, canaries).forEach(form -> leaks.put(form, f.toString()));
      }
    }
    assertThat(leaks).isEmpty();
    // The outputs checked really are the sinks: the database, the cache, the backup, the JSON copy.
    assertThat(fork.resolve(".forkstate/history.db")).exists();
    try (Stream<Path> cache = Files.list(fork.resolve(".forkstate/llm-cache"))) {
      assertThat(cache.filter(p -> p.toString().endsWith(".json"))).isNotEmpty();
    }
    assertThat(json).exists();
  }

  /** Each canary as written, JSON-escaped, as the facts comment writes it, HTML-escaped and percent-encoded. */
  private static Set<String> leaks(String text, List<String> canaries) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    for (String c : canaries) {
      String json = JSON.writeValueAsString(c);
      json = json.substring(1, json.length() - 1);
      for (String form : List.of(c, json, json.replace("--", "-\\u002d").replace(">", "\\u003e"),
          c.replace("&", "&amp;").replace("\"", "&quot;").replace(">", "&gt;").replace("<", "&lt;"),
          URLEncoder.encode(c, StandardCharsets.UTF_8))) {
        if (text.contains(form)) {
          found.add(form);
        }
      }
    }
    return found;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  private static String completion(String content) {
    ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("created", 1741569952).put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    choice.putNull("logprobs");
    root.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 80).put("total_tokens", 980);
    return root.toString();
  }
}
