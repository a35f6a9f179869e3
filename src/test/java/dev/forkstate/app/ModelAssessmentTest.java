package dev.forkstate.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate with a model configured (WireMock on 127.0.0.1 as the OpenAI-compatible endpoint): the report shows the
 * model's checked points with short links to their facts, names the writer and cache key, says what was dropped;
 * a rerun on the same facts is byte-identical and makes no call; the key appears in no output.
 */
class ModelAssessmentTest {
  private static final String KEY_ENV = "LLM_CREDS"; // a name that does not look secret: redacted all the same
  private static final String KEY = "Zq8XfT2pL0vN4bR7-proxy";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  WireMockServer llm;
  Map<String, String> env;
  Path fork;
  Path config;

  @BeforeEach
  void setUp() throws Exception {
    llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    llm.start();
    env = new HashMap<>(TestEnv.isolated(tmp.resolve("home")));
    env.put(KEY_ENV, KEY);
    fork = DemoProject.build(tmp.resolve("demo"), env);
    // The config lives outside the repository, so the work tree stays clean.
    config = tmp.resolve("forkstate-llm.yml");
    Files.writeString(config, Files.readString(fork.resolve("forkstate.yml")) + "llm:\n"
        + "  base_url: http://127.0.0.1:" + llm.port() + "/v1\n"
        + "  model: gpt-4o-mini\n"
        + "  api_key_env: " + KEY_ENV + "\n"
        + "  max_retries: 0\n");
  }

  @AfterEach
  void stop() {
    llm.stop();
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

  private GenerateResult generate() {
    return new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD, false, config, env));
  }

  @Test
  void theModelsCheckedAnswerIsRenderedWithLinksAndIsStableAcrossRuns() throws Exception {
    String answer = "{\"points\":["
        + "{\"text\":\"The fork carries 3 commits of its own and misses 2 upstream commits.\","
        + "\"cites\":[\"upstream.ahead\",\"upstream.behind\"]},"
        + "{\"text\":\"Smokes pass: 5 passed, 0 failed.\",\"cites\":[\"smoke.smokes\"]},"
        + "{\"text\":\"CI on the last push is UNKNOWN: there is no CI evidence for what was pushed.\","
        + "\"cites\":[\"ci.run.last-push\"]},"
        + "{\"text\":\"The extracted router is 2x faster.\",\"cites\":[\"upstream.files.added\"]}]}";
    llm.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(completion(answer))));

    GenerateResult first = generate();
    String md = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
    String key = first.report().assessment().cacheKey();
    assertThat(md).contains("- Answer (written by gpt-4o-mini via http://127.0.0.1:" + llm.port() + "/v1, cache key "
        + key.substring(0, 12) + "; checked against the facts: 3 points kept, 1 dropped; every point cites its "
        + "facts):\n"
        + "  - The fork carries 3 commits of its own and misses 2 upstream commits.[^upstream.ahead][^upstream.behind]\n"
        + "  - Smokes pass: 5 passed, 0 failed.[^smoke.smokes]\n"
        + "  - CI on the last push is UNKNOWN: there is no CI evidence for what was pushed.[^ci.run.last-push]\n"
        + "  - Dropped by the checks:\n"
        + "    - \"The extracted router is 2x faster.\": claims speed or performance without a performance fact\n");
    // Each short link has its footnote: what the fact measured and the command that reproduces it.
    assertThat(md).contains("\n\n[^ci.run.last-push]: **UNKNOWN** ")
        .contains("[^upstream.ahead]: 3 fork commits not in `upstream/main` · "
            + "`git rev-list --left-right --count upstream/main...HEAD`\n")
        .contains("[^smoke.smokes]: **PASS** 5 passed, 0 failed, 0 errors, 0 skipped · "
            + "`PYTHONPATH=$(pwd) pytest -q tests/smoke`\n");
    // Only the cited facts get a footnote; uncited ones stay out.
    assertThat(md).doesNotContain("[^upstream.files.added]");

    generate();
    byte[] second = Files.readAllBytes(fork.resolve("STATE_OF_PROJECT.md"));
    GenerateResult third = generate();
    assertThat(Files.readAllBytes(fork.resolve("STATE_OF_PROJECT.md"))).isEqualTo(second);
    assertThat(llm.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(1);
    assertThat(third.notes()).anyMatch(n -> n.contains("reused the cached answer " + key.substring(0, 12)));
    // The cache is ignored by git: the work tree stays clean.
    assertThat(third.report().facts()).filteredOn(f -> f.id().value().equals("git.worktree.untracked"))
        .singleElement().satisfies(f -> assertThat(f.summary()).isEqualTo("no untracked files"));
  }

  @Test
  void aKeyEchoedByTheEndpointIsMaskedEverywhere() throws Exception {
    llm.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Incorrect API key "
            + "provided: " + KEY + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")));

    GenerateResult r = generate();
    String md = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
    assertThat(md).contains("- Answer (written by rules, because the model call failed: HTTP 401: Incorrect API key "
        + "provided: \\[REDACTED\\].; every point cites its facts):");
    assertThat(r.notes()).anyMatch(n -> n.startsWith("assessment written by the rules: the model call failed: "
        + "HTTP 401")).noneMatch(n -> n.contains(KEY));
    GenerateResult json = new GenerateReport().run(new GenerateRequest(fork, "-", GenerateRequest.Format.JSON, false,
        config, env));
    assertThat(json.rendered()).doesNotContain(KEY).contains("[REDACTED]");
    JsonNode assessment = JSON.readTree(json.rendered()).path("assessment");
    assertThat(assessment.path("writer").asText()).isEqualTo("rules");
    try (Stream<Path> files = Files.walk(tmp)) {
      List<Path> leaking = files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/home/"))
          .filter(p -> {
            try {
              return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains(KEY);
            } catch (java.io.IOException e) {
              return false;
            }
          }).toList();
      assertThat(leaking).isEmpty();
    }
  }

  @Test
  void draftedSectionsSitUnderTheRuleBasedLinesWithTheirLinks() throws Exception {
    Files.writeString(config, Files.readString(config) + "  draft_sections: true\n");
    String answer = "{\"points\":["
        + "{\"text\":\"The fork carries 3 commits and misses 2 upstream commits.\","
        + "\"cites\":[\"upstream.ahead\",\"upstream.behind\"]},"
        + "{\"text\":\"Smokes pass: 5 passed, 0 failed.\",\"cites\":[\"smoke.smokes\"]}],"
        + "\"advantages\":[{\"text\":\"The release is tagged.\",\"cites\":[\"git.tags.at-head\"]}],"
        + "\"now\":[{\"text\":\"Merge the 2 upstream commits.\",\"cites\":[\"upstream.behind\"]}],"
        + "\"later\":[{\"text\":\"CI is green, ship it.\",\"cites\":[\"ci.run.last-push\"]}]}";
    llm.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(completion(answer))));

    generate();
    String md = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
    String advantages = md.substring(md.indexOf("## Advantages"), md.indexOf("## Gaps"));
    assertThat(advantages).contains("- **PASS** Smoke suite green: ")
        .contains("- Drafted by gpt-4o-mini via http://127.0.0.1:" + llm.port() + "/v1, checked against the facts:\n"
            + "  - The release is tagged.[^git.tags.at-head]\n<!-- forkstate:end id=advantages -->\n");
    String next = md.substring(md.indexOf("## Iterative Next Steps"), md.indexOf("## Metrics"));
    assertThat(next).contains("  - Now: Merge the 2 upstream commits.[^upstream.behind]\n").doesNotContain("ship it");
    assertThat(md).contains("    - \"CI is green, ship it.\": later: calls ci.run.last-push green, but it is UNKNOWN\n")
        .contains("\n[^git.tags.at-head]: **PASS** tags at HEAD: v1.0.0-fork.1 · `git tag --points-at HEAD`\n");
  }
}
