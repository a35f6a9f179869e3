package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GitHub's filter patterns: the cheat sheet's own examples, regex metacharacters as text, order, and bad input. */
class FilterPatternTest {

  /** Patterns in order, a branch name, whether the list selects it. */
  static Stream<Arguments> table() {
    return Stream.of(
        // regex metacharacters are text: the crash case, and its neighbours
        arguments(List.of("feature/(x"), "feature/(x", true),
        arguments(List.of("feature/(x"), "feature/x", false),
        arguments(List.of("feature/(x)"), "feature/(x)", true),
        arguments(List.of("a|b"), "a|b", true),
        arguments(List.of("a|b"), "a", false),
        arguments(List.of("release-1.0"), "release-1.0", true),
        arguments(List.of("release-1.0"), "release-1x0", false),
        arguments(List.of("v{1,2}"), "v{1,2}", true),
        arguments(List.of("v{1,2}"), "v1", false),
        arguments(List.of("^main$"), "^main$", true),
        arguments(List.of("^main$"), "main", false),
        arguments(List.of("a]b"), "a]b", true),
        arguments(List.of("a!b"), "a!b", true),
        arguments(List.of("fé/*"), "fé/x", true),
        // backslash makes the next character literal (GitHub: "escape each of these special characters with \")
        arguments(List.of("feat\\*"), "feat*", true),
        arguments(List.of("feat\\*"), "feature", false),
        arguments(List.of("\\!main"), "!main", true),
        arguments(List.of("a\\\\b"), "a\\b", true),
        arguments(List.of("a\\.b"), "a.b", true),
        // * stops at /, ** does not
        arguments(List.of("*"), "main", true),
        arguments(List.of("*"), "fork/stable", false),
        arguments(List.of("feature/*"), "feature/my-branch", true),
        arguments(List.of("feature/*"), "feature/a/b", false),
        arguments(List.of("feature/*"), "feature/", true),
        arguments(List.of("feature/**"), "feature/mona/the/octocat", true),
        arguments(List.of("**"), "all/the/branches", true),
        arguments(List.of("**/docs"), "docs", true),
        arguments(List.of("**/docs"), "a/b/docs", true),
        arguments(List.of("**/docs"), "a/b/docsx", false),
        arguments(List.of("*feature"), "mona-feature", true),
        arguments(List.of("*feature"), "feature", true),
        arguments(List.of("v2*"), "v2.9", true),
        arguments(List.of("v2*"), "v3", false),
        // ? and + repeat the character (or set) before them
        arguments(List.of("v1?"), "v", true),
        arguments(List.of("v1?"), "v1", true),
        arguments(List.of("v1?"), "v11", false),
        arguments(List.of("*.jsx?"), "page.js", true),
        arguments(List.of("*.jsx?"), "page.jsx", true),
        arguments(List.of("z+"), "zzz", true),
        arguments(List.of("z+"), "", false),
        arguments(List.of("v[12].[0-9]+.[0-9]+"), "v1.10.1", true),
        arguments(List.of("v[12].[0-9]+.[0-9]+"), "v2.0.0", true),
        arguments(List.of("v[12].[0-9]+.[0-9]+"), "v3.0.0", false),
        arguments(List.of("v[12].[0-9]+.[0-9]+"), "v1x0.0", false),
        // sets and ranges
        arguments(List.of("[CB]at"), "Cat", true),
        arguments(List.of("[CB]at"), "Hat", false),
        arguments(List.of("[1-2]00"), "200", true),
        arguments(List.of("[1-2]00"), "300", false),
        arguments(List.of("[0-9a-z]"), "g", true),
        arguments(List.of("[0-9a-z]"), "G", false),
        // order: each match decides anew
        arguments(List.of("releases/**", "!releases/**-alpha"), "releases/1.0", true),
        arguments(List.of("releases/**", "!releases/**-alpha"), "releases/1.0-alpha", false),
        arguments(List.of("releases/**", "!releases/**-alpha", "releases/keep-alpha"), "releases/keep-alpha", true),
        arguments(List.of("!main", "main"), "main", true),
        arguments(List.of("main", "!main"), "main", false),
        arguments(List.of("!main"), "dev", false),
        arguments(List.of(), "main", false));
  }

  @ParameterizedTest(name = "{0} selects {1}: {2}")
  @MethodSource("table")
  void matchesAsTheCheatSheetSays(List<String> patterns, String name, boolean expected) throws Exception {
    List<FilterPattern> compiled = new ArrayList<>();
    for (String p : patterns) {
      compiled.add(FilterPattern.compile(p));
    }
    assertThat(FilterPattern.selects(compiled, name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"feature/[x", "[]", "[a-Z]", "[z-a]", "[._]", "[a-]", "+x", "*?", "a++", "trail\\",
      "!", "", "!?"})
  void aMalformedPatternIsRefusedByName(String pattern) {
    assertThatThrownBy(() -> FilterPattern.compile(pattern)).isInstanceOf(FilterPattern.Malformed.class)
        .hasMessageStartingWith("filter pattern " + pattern + " is malformed: ")
        .satisfies(e -> assertThat(((FilterPattern.Malformed) e).phrase().first(Phrase.Kind.CODE)).contains(pattern));
  }

  private static final String LITERAL = "abcXYZ0129-_./(){}|$^,=@#%&~]:;'\"é";

  private static String randomName(Random r, String alphabet) {
    StringBuilder b = new StringBuilder();
    int len = 1 + r.nextInt(12);
    for (int i = 0; i < len; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  @Test
  void aPatternWithNoWildcardMatchesExactlyItsOwnText() throws Exception {
    Random r = new Random(13);
    for (int n = 0; n < 2000; n++) {
      String name = randomName(r, LITERAL);
      FilterPattern p = FilterPattern.compile(name);
      assertThat(p.matches(name)).as(name).isTrue();
      String other = randomName(r, LITERAL);
      assertThat(p.matches(other)).as(name + " vs " + other).isEqualTo(other.equals(name));
      assertThat(p.matches(name + "a")).as(name).isFalse();
      assertThat(p.matches(name.substring(1))).as(name).isFalse();
      int at = r.nextInt(name.length());
      String changed = name.substring(0, at) + (name.charAt(at) == 'b' ? 'c' : 'b') + name.substring(at + 1);
      assertThat(p.matches(changed)).as(name + " vs " + changed).isFalse();
    }
  }

  @Test
  void anyNameEscapedCharacterByCharacterMatchesOnlyItself() throws Exception {
    Random r = new Random(42);
    String all = LITERAL + "*?+[!\\";
    for (int n = 0; n < 2000; n++) {
      String name = randomName(r, all);
      String escaped = name.replaceAll("([*?+\\[!\\\\])", "\\\\$1");
      FilterPattern p = FilterPattern.compile(escaped);
      assertThat(p.matches(name)).as(escaped).isTrue();
      assertThat(p.matches(name + name)).as(escaped).isFalse();
    }
  }

  @Test
  void randomTextNeverThrowsAnythingButMalformed() {
    Random r = new Random(7);
    String all = LITERAL + "*?+[!\\";
    for (int n = 0; n < 5000; n++) {
      String pattern = randomName(r, all);
      try {
        FilterPattern p = FilterPattern.compile(pattern);
        p.matches(randomName(r, all));
      } catch (FilterPattern.Malformed expected) {
        assertThat(expected.getMessage()).contains("is malformed");
      }
    }
  }

  @Test
  void aStarNeverCrossesASlashAndTwoStarsMatchEverything() throws Exception {
    Random r = new Random(1);
    FilterPattern one = FilterPattern.compile("*");
    FilterPattern two = FilterPattern.compile("**");
    for (int n = 0; n < 500; n++) {
      String name = randomName(r, LITERAL);
      assertThat(one.matches(name)).as(name).isEqualTo(!name.contains("/"));
      assertThat(two.matches(name)).as(name).isTrue();
    }
  }
}
