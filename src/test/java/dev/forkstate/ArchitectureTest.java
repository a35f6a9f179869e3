package dev.forkstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-way flow, checked on the sources: a stage never imports a later one, and one class reads the clock. */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/forkstate");

  /** package -> packages it must not import. */
  private static final Map<String, List<String>> FORBIDDEN = Map.of(
      "render", List.of("dev.forkstate.exec", "dev.forkstate.collect", "dev.forkstate.app", "dev.forkstate.cli"),
      "report", List.of("dev.forkstate.collect", "dev.forkstate.render", "dev.forkstate.app"),
      "check", List.of("dev.forkstate.exec", "dev.forkstate.collect", "dev.forkstate.report",
          "dev.forkstate.render"),
      "assess", List.of("dev.forkstate.exec", "dev.forkstate.collect", "dev.forkstate.render"),
      "collect", List.of("dev.forkstate.check", "dev.forkstate.report", "dev.forkstate.render",
          "dev.forkstate.assess", "dev.forkstate.app"),
      "fact", List.of("dev.forkstate.exec", "dev.forkstate.collect", "dev.forkstate.report",
          "dev.forkstate.render"),
      "config", List.of("dev.forkstate.exec", "dev.forkstate.collect", "dev.forkstate.report",
          "dev.forkstate.render", "dev.forkstate.check"),
      "history", List.of("dev.forkstate.exec", "dev.forkstate.collect", "dev.forkstate.report",
          "dev.forkstate.render", "dev.forkstate.app", "dev.forkstate.cli"));

  @Test
  void stagesImportOnlyEarlierStages() throws IOException {
    List<String> violations = new ArrayList<>();
    for (var e : FORBIDDEN.entrySet()) {
      for (Path file : javaFiles(SRC.resolve(e.getKey()))) {
        String text = Files.readString(file);
        for (String banned : e.getValue()) {
          if (text.contains("import " + banned + ".") || text.contains(" " + banned + ".")) {
            violations.add(SRC.relativize(file) + " uses " + banned);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void onlyTheReportClockReadsTheDate() throws IOException {
    List<String> readers = new ArrayList<>();
    for (Path file : javaFiles(SRC)) {
      String text = Files.readString(file);
      if (Stream.of("Instant.now(", "LocalDate.now(", "LocalDateTime.now(", "ZonedDateTime.now(", "Clock.system")
          .anyMatch(text::contains)) {
        readers.add(SRC.relativize(file).toString());
      }
    }
    assertThat(readers).containsExactly("clock/ReportClock.java");
  }

  /** The SDK (and Kotlin, OkHttp under it) loads only when a model is configured: one class may touch it. */
  @Test
  void onlyTheEndpointAdapterUsesTheOpenAiSdk() throws IOException {
    List<String> users = new ArrayList<>();
    for (Path file : javaFiles(SRC)) {
      if (Files.readString(file).contains("import com.openai.")) {
        users.add(SRC.relativize(file).toString());
      }
    }
    assertThat(users).containsExactly("assess/llm/OpenAiChatEndpoint.java");
  }

  @Test
  void noUtilsOrHelpers() throws IOException {
    assertThat(javaFiles(SRC)).extracting(p -> p.getFileName().toString())
        .noneMatch(n -> n.endsWith("Utils.java") || n.endsWith("Helper.java") || n.endsWith("Manager.java"));
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
