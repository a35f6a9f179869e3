package dev.forkstate.fact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue is the one place an id is spelled: every id a report carries is declared there, once. */
class FactIdsTest {
  private static <T> List<T> constants(Class<T> type) throws IllegalAccessException {
    List<T> out = new ArrayList<>();
    for (Field f : FactIds.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == type) {
        out.add(type.cast(f.get(null)));
      }
    }
    return out;
  }

  private static Set<String> fixedIds() throws IllegalAccessException {
    return new TreeSet<>(constants(FactId.class).stream().map(FactId::value).toList());
  }

  private static boolean declared(String id) throws IllegalAccessException {
    return fixedIds().contains(id) || FactIds.FAMILIES.stream().anyMatch(p -> p.matches(id));
  }

  @Test
  void constantsAreUnique() throws IllegalAccessException {
    List<FactId> ids = constants(FactId.class);
    assertThat(ids).hasSizeGreaterThan(50).doesNotHaveDuplicates();
    assertThat(constants(FactPrefix.class)).doesNotHaveDuplicates();
  }

  @Test
  void noFixedIdIsMistakenForAFamilyMember() throws IllegalAccessException {
    // A fixed id under a family prefix must not be one a user's name could also produce by accident; the few that
    // are (the collectors' failure ids, smoke.none, pr.branches, pr.pulls) are listed here on purpose.
    Set<String> underFamily = new TreeSet<>();
    for (String id : fixedIds()) {
      if (FactIds.FAMILIES.stream().anyMatch(p -> p.matches(id))) {
        underFamily.add(id);
      }
    }
    assertThat(underFamily).containsExactly("metrics.collector", "pr.branches", "pr.pulls", "ref.smoke.collector",
        "smoke.collector", "smoke.none");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "broken"})
  void everyIdAGoldenReportCarriesIsDeclared(String golden) throws Exception {
    String md = Files.readString(Path.of("src/test/resources/golden", golden, "expected.md"));
    String line = md.lines().filter(l -> l.startsWith("<!-- forkstate:facts v1 ")).findFirst().orElseThrow();
    String json = line.substring("<!-- forkstate:facts v1 ".length(), line.lastIndexOf(" -->"));
    List<String> ids = new ArrayList<>();
    new ObjectMapper().readTree(json).fieldNames().forEachRemaining(ids::add);
    assertThat(ids).hasSizeGreaterThan(20);
    List<String> undeclared = new ArrayList<>();
    for (String id : ids) {
      if (!declared(id)) {
        undeclared.add(id);
      }
    }
    assertThat(undeclared).as("ids not in FactIds").isEmpty();
  }

  @Test
  void familiesTurnUserNamesIntoSegments() {
    assertThat(FactIds.smoke("Smokes")).isEqualTo(FactId.of("smoke.smokes"));
    assertThat(FactIds.ref("smoke", "tests/smoke")).isEqualTo(FactId.of("ref.smoke.tests-smoke"));
    assertThat(FactIds.capability("Router core seam")).isEqualTo(FactId.of("capability.router-core-seam"));
    assertThat(FactIds.metric("perf")).isEqualTo(FactId.of("metrics.perf"));
    assertThat(FactIds.metric("perf", "p99_ms")).isEqualTo(FactId.of("metrics.perf.p99-ms"));
    assertThat(FactIds.metricImport("minillm.extras")).isEqualTo(FactId.of("metrics.import.minillm-extras"));
    assertThat(FactIds.pr("pr/fix-typo")).isEqualTo(FactId.of("pr.pr-fix-typo"));
    assertThat(FactIds.prPull("pr/fix-typo")).isEqualTo(FactId.of("pr.pr-fix-typo.pull"));
    assertThat(FactIds.SMOKE_PREFIX.rest(FactIds.smoke("smokes"))).isEqualTo("smokes");
  }
}
