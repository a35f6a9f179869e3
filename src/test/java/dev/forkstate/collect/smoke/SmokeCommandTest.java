package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Option values and shell syntax are never test paths; every pytest run is counted. */
class SmokeCommandTest {
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("pytest -q tests/smoke", List.of("tests/smoke"), 1),
        Arguments.of("PYTHONPATH=$(pwd) pytest -q tests/smoke", List.of("tests/smoke"), 1),
        Arguments.of("pytest -q -k 'not cached_content' tests/test_a.py", List.of("tests/test_a.py"), 1),
        Arguments.of("pytest -p no:warnings -m \"not slow\" tests/", List.of("tests"), 1),
        Arguments.of("pytest --junitxml out.xml tests/x.py::test_one || true", List.of("tests/x.py"), 1),
        Arguments.of("pytest --junitxml=out.xml -kfoo tests/x.py", List.of("tests/x.py"), 1),
        Arguments.of("cd sub && python3 -m pytest -x ./tests/unit > log.txt 2>&1", List.of("tests/unit"), 1),
        Arguments.of("python -W ignore -m pytest tests", List.of("tests"), 1),
        Arguments.of("python scripts/run.py tests", List.of(), 0),
        Arguments.of("uv run pytest tests/a", List.of("tests/a"), 1),
        Arguments.of("pytest a; pytest b", List.of("a", "b"), 2),
        Arguments.of("pytest a && pytest $(pwd)/b", List.of("a"), 2),
        Arguments.of("for t in a b; do pytest $t; done", List.of(), 2),
        Arguments.of("pytest --pyargs mypkg.tests", List.of(), 1),
        Arguments.of("echo pytest tests/x", List.of(), 0),
        Arguments.of("pytest -- -weird-name.py", List.of("-weird-name.py"), 1),
        Arguments.of(".venv/bin/pytest -n 4 --timeout 60 tests/", List.of("tests"), 1));
  }

  @ParameterizedTest
  @MethodSource("table")
  void readsTestPathsAndRuns(String line, List<String> paths, int runs) {
    SmokeCommand c = SmokeCommand.parse(line);
    assertThat(c.testPaths()).as(line).containsExactlyElementsOf(paths);
    assertThat(c.runs()).as(line).isEqualTo(runs);
    assertThat(c.pytest()).as(line).isEqualTo(runs > 0);
  }

  /**
   * Seeded property: any mix of value options (with values that look like words, paths or operators), quoting
   * styles, environment prefixes, redirections and a masked exit yields exactly the paths that were put in.
   */
  @Test
  void generatedCommandsYieldExactlyTheirPaths() {
    Random random = new Random(1130);
    String[] valueOptions = {"-k", "-m", "-p", "--junitxml", "-o", "-W", "--tb", "--deselect", "--ignore"};
    String[] values = {"not slow", "no:warnings", "out.xml", "a and not b", "x;y", "tests/ignored", "short",
        "error::DeprecationWarning", "addopts=-q", "tests/a.py::test_x"};
    String[] flags = {"-q", "-x", "-v", "-s", "--strict-markers", "-rA", "--no-header", "--junitxml=j.xml"};
    for (int round = 0; round < 3000; round++) {
      LinkedHashSet<String> expected = new LinkedHashSet<>();
      List<String> words = new ArrayList<>();
      int n = random.nextInt(8);
      for (int k = 0; k < n; k++) {
        switch (random.nextInt(3)) {
          case 0 -> {
            words.add(valueOptions[random.nextInt(valueOptions.length)]);
            words.add(quote(values[random.nextInt(values.length)], random, true));
          }
          case 1 -> words.add(flags[random.nextInt(flags.length)]);
          default -> {
            String path = "tests/" + (char) ('a' + random.nextInt(5)) + (random.nextBoolean() ? ".py" : "");
            expected.add(path);
            words.add(quote(path + (random.nextInt(4) == 0 ? "::test_" + k : ""), random, false));
          }
        }
      }
      String prefix = List.of("", "PYTHONPATH=$(pwd) ", "cd . && ", "python3 -m ", "env A=1 ").get(random.nextInt(5));
      String runner = prefix.endsWith("-m ") ? "pytest" : random.nextBoolean() ? "pytest" : "py.test";
      String suffix = List.of("", " || true", " > log.txt 2>&1", " | tee out.txt").get(random.nextInt(4));
      String line = prefix + runner + (words.isEmpty() ? "" : " " + String.join(" ", words)) + suffix;
      SmokeCommand c = SmokeCommand.parse(line);
      assertThat(c.testPaths()).as(line).containsExactlyElementsOf(expected);
      assertThat(c.runs()).as(line).isEqualTo(1);
    }
  }

  private static String quote(String s, Random random, boolean mustQuote) {
    boolean needs = mustQuote && (s.contains(" ") || s.contains(";"));
    return switch (random.nextInt(3)) {
      case 0 -> "'" + s + "'";
      case 1 -> "\"" + s + "\"";
      default -> needs ? "'" + s + "'" : s;
    };
  }

  /** The bare programs a shim may stand in for: not a path, not an expansion, not a non-pytest command. */
  @Test
  void programsAreTheBareNamesThatRunPytest() {
    assertThat(SmokeCommand.programs("PYTHONPATH=$(pwd) pytest -q a; python3 -m pytest b; .venv/bin/pytest c; "
        + "python tools/x.py; $PY -m pytest d; uv run py.test e")).containsExactly("py.test", "pytest", "python3");
    assertThat(SmokeCommand.programs("make test")).isEmpty();
  }
}
