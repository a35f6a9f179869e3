package dev.forkstate.fact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report said "patchs" and "branchs": plurals of the nouns report text counts. */
class NounTest {
  @Test
  void regularPluralsOfTheNounsTheReportCounts() {
    assertThat(Noun.count(2, "patch")).isEqualTo("2 patches");
    assertThat(Noun.count(3, "PR branch")).isEqualTo("3 PR branches");
    assertThat(Noun.count(1, "PR branch")).isEqualTo("1 PR branch");
    assertThat(Noun.count(0, "file")).isEqualTo("0 files");
    assertThat(Noun.count(2, "pass")).isEqualTo("2 passes");
    assertThat(Noun.count(2, "box")).isEqualTo("2 boxes");
    assertThat(Noun.count(2, "dependency")).isEqualTo("2 dependencies");
    assertThat(Noun.count(2, "day")).isEqualTo("2 days");
    assertThat(Noun.count(2, "non-merge fork commit")).isEqualTo("2 non-merge fork commits");
  }
}
