package dev.forkstate.assess.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.support.JarRun;
import dev.forkstate.support.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built forkstate.jar (run by failsafe after the package phase): the model SDK is not among the jar's own entries
 * but in its inner jar, and a run with a model configured loads it from there, copied once into the per-user cache,
 * and writes the model's checked answer, as the class-path tests (ModelAssessmentTest) do without the inner jar.
 */
class ModelSdkJarIT {
  @TempDir
  Path tmp;
  WireMockServer llm;

  @BeforeEach
  void start() {
    llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    llm.start();
  }

  @AfterEach
  void stop() {
    llm.stop();
  }

  @Test
  void theSdkIsOnlyInTheInnerJar() throws IOException {
    try (JarFile jar = new JarFile(JarRun.JAR.toFile())) {
      List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
      assertThat(names).contains(ModelSdk.INNER_JAR)
          .noneMatch(n -> n.startsWith("com/openai/") || n.startsWith("kotlin/") || n.startsWith("okhttp3/")
              || n.startsWith("dev/forkstate/assess/llm/sdk/"))
          .contains("dev/forkstate/assess/llm/ModelSdk.class", "com/fasterxml/jackson/databind/ObjectMapper.class");
      // What makes every start-up cheaper: the index read on each run is a few thousand entries, not 23,000.
      assertThat(names.size()).isLessThan(5_000);
    }
  }

  @Test
  void aRunWithAModelLoadsTheSdkFromTheInnerJarThroughTheCache() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    Path fork = DemoProject.build(tmp.resolve("demo"), env);
    Path config = tmp.resolve("forkstate-llm.yml");
    Files.writeString(config, Files.readString(fork.resolve("forkstate.yml")) + "llm:\n"
        + "  base_url: http://127.0.0.1:" + llm.port() + "/v1\n"
        + "  model: gpt-4o-mini\n"
        + "  max_retries: 0\n");
    String answer = "{\"points\":["
        + "{\"text\":\"The fork carries 3 commits of its own and misses 2 upstream commits.\","
        + "\"cites\":[\"upstream.ahead\",\"upstream.behind\"]},"
        + "{\"text\":\"Smokes pass: 5 passed, 0 failed.\",\"cites\":[\"smoke.smokes\"]}]}";
    llm.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(ChatCompletions.completion(answer))));

    JarRun.Result run = JarRun.run(tmp, env, List.of(), "generate", "--repo", fork.toString(), "--config",
        config.toString(), "--out", tmp.resolve("report.md").toString());

    assertThat(run.stderr()).doesNotContain("internal error").doesNotContain("could not be loaded");
    assertThat(Files.readString(tmp.resolve("report.md")))
        .contains("- Answer (written by gpt-4o-mini via http://127.0.0.1:" + llm.port() + "/v1")
        .contains("  - Smokes pass: 5 passed, 0 failed.[^smoke.smokes]\n");
    assertThat(llm.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(1);
    try (Stream<Path> cached = Files.list(tmp.resolve("home/.cache/forkstate"))) {
      assertThat(cached.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("model-sdk-\\d+-[0-9a-f]+\\.jar"));
    }
  }
}
