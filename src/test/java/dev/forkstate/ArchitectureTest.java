package dev.forkstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way flow, checked on the sources with a plain import scan: every package imports only what its row below
 * allows, the "never" rules hold, the package graph has no cycle, one class reads the clock, and no class is a
 * warehouse (300 lines at most).
 *
 * <p>Packages are compared by their first segment under {@code dev.forkstate}: {@code collect.git} is {@code collect},
 * {@code render.update} is {@code render}. A stage's sub-packages are rooms of that stage and may use each other
 * ({@code collect.smoke} and {@code collect} do, both ways: the smoke runner's outcome types are shared by the
 * collectors that read them), so references inside one stage are not edges of the graph.
 */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/forkstate");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.forkstate\\.([a-z][a-z0-9]*)\\b");
  private static final int MAX_LINES = 300;

  /**
   * Package -> the packages it may import. Widen a row only on purpose: each one says what the stage needs, and the
   * {@link #NEVER} rules and the cycle check still apply.
   */
  private static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
      // Shared vocabulary and leaves: they know nothing of the stages.
      Map.entry("fact", Set.of()),
      Map.entry("error", Set.of()),
      Map.entry("secret", Set.of("fact")),
      Map.entry("digest", Set.of()),
      Map.entry("clock", Set.of("error")),
      Map.entry("write", Set.of("error")),
      Map.entry("exec", Set.of("fact", "secret")),
      Map.entry("config", Set.of("error", "fact")),
      // A run is redacted before it is stored.
      Map.entry("history", Set.of("fact", "secret", "write")),
      // measure -> judge -> assess -> report -> render: each stage reads the ones before it.
      Map.entry("collect", Set.of("config", "digest", "exec", "fact", "secret", "write")),
      // The judge's policies read their thresholds and allowances from the settings.
      Map.entry("check", Set.of("config", "error", "fact")),
      // A model's answer is redacted before it is cached or validated.
      Map.entry("assess", Set.of("check", "config", "digest", "error", "fact", "secret", "write")),
      Map.entry("report", Set.of("assess", "check", "config", "fact")),
      // verify re-measures the claims a written report makes, so it runs commands like a collector does.
      Map.entry("verify", Set.of("collect", "config", "exec", "fact", "report")),
      Map.entry("render", Set.of("assess", "check", "digest", "error", "fact", "history", "report", "verify")),
      // Use cases wire every stage; the CLI adapts use cases to picocli.
      Map.entry("app", Set.of("assess", "check", "clock", "collect", "config", "digest", "error", "exec", "fact",
          "history", "render", "report", "secret", "verify", "write")),
      Map.entry("cli", Set.of("app", "error", "render", "secret"))));

  /** Package -> packages it must never import, whatever its row in {@link #ALLOWED} says. */
  private static final Map<String, Set<String>> NEVER = Map.of(
      "fact", Set.of("app", "assess", "check", "cli", "clock", "collect", "config", "digest", "error", "exec",
          "history", "render", "report", "secret", "verify", "write"),
      "collect", Set.of("render", "report", "assess", "check", "app", "cli"),
      "check", Set.of("collect", "render", "report", "exec", "app", "cli"),
      "render", Set.of("exec", "collect", "app", "cli"),
      "report", Set.of("exec", "collect", "render", "app", "cli"),
      "assess", Set.of("exec", "collect", "render", "report"),
      "config", Set.of("exec", "collect", "check", "report", "render"),
      "history", Set.of("exec", "collect", "report", "render", "app", "cli"));

  /** Classes allowed over {@link #MAX_LINES}, each with the reason it is not split yet. None today. */
  private static final Map<String, String> LONG_CLASSES = Map.of();

  @Test
  void everyPackageHasARow() throws IOException {
    assertThat(graph().keySet()).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder("app", "assess", "check", "cli", "clock", "collect",
        "config", "digest", "error", "exec", "fact", "history", "render", "report", "secret", "verify", "write");
  }

  @Test
  void packagesImportOnlyWhatTheirRowAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles(SRC)) {
      String from = packageOf(file);
      for (String to : references(file)) {
        if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
          violations.add(SRC.relativize(file) + " uses " + to);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theNeverRulesHoldInTheAllowedRows() {
    List<String> contradictions = new ArrayList<>();
    NEVER.forEach((from, banned) -> banned.stream().filter(ALLOWED.get(from)::contains).sorted()
        .forEach(to -> contradictions.add(from + " may not import " + to)));
    assertThat(contradictions).isEmpty();
  }

  @Test
  void thePackageGraphHasNoCycle() throws IOException {
    Map<String, Set<String>> graph = graph();
    List<String> cycles = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (String start : graph.keySet()) {
      findCycle(graph, start, new ArrayList<>(), done, cycles);
    }
    assertThat(cycles).isEmpty();
  }

  @Test
  void theCycleSearchFindsACycle() {
    Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    List<String> cycles = new ArrayList<>();
    findCycle(graph, "d", new ArrayList<>(), new TreeSet<>(), cycles);
    assertThat(cycles).containsExactly("a -> b -> c -> a");
  }

  /** Depth first; a package met again on the current path closes a cycle, reported as "a -> b -> a". */
  private static void findCycle(Map<String, Set<String>> graph, String node, List<String> path, Set<String> done,
      List<String> cycles) {
    if (path.contains(node)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      cycles.add(String.join(" -> ", cycle));
      return;
    }
    if (done.contains(node)) {
      return;
    }
    path.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      findCycle(graph, next, path, done, cycles);
    }
    path.remove(path.size() - 1);
    done.add(node);
  }

  @Test
  void noClassIsLongerThan300Lines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (Path file : javaFiles(SRC)) {
      long lines;
      try (Stream<String> s = Files.lines(file)) {
        lines = s.count();
      }
      String name = SRC.relativize(file).toString();
      if (lines > MAX_LINES && !LONG_CLASSES.containsKey(name)) {
        tooLong.add(name + ": " + lines + " lines");
      }
    }
    assertThat(tooLong).isEmpty();
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
    assertThat(users).containsExactly("assess/llm/sdk/OpenAiChatEndpoint.java");
  }

  @Test
  void noUtilsOrHelpers() throws IOException {
    assertThat(javaFiles(SRC)).extracting(p -> p.getFileName().toString())
        .noneMatch(n -> n.endsWith("Utils.java") || n.endsWith("Helper.java") || n.endsWith("Manager.java"));
  }

  /** Package -> the other packages its sources name (imports, static imports, qualified names, javadoc links). */
  private static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path file : javaFiles(SRC)) {
      graph.computeIfAbsent(packageOf(file), k -> new TreeSet<>()).addAll(references(file));
    }
    return graph;
  }

  /** The first segment under dev/forkstate of the file's folder. */
  private static String packageOf(Path file) {
    return SRC.relativize(file).getName(0).toString();
  }

  /** The packages other than its own that a file names, with the package line left out. */
  private static Set<String> references(Path file) throws IOException {
    String own = packageOf(file);
    Set<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("package ")) {
        continue;
      }
      Matcher m = REFERENCE.matcher(line);
      while (m.find()) {
        if (!m.group(1).equals(own)) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
