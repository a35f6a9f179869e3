package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.fact.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitReportTest {
  @TempDir
  Path tmp;

  @Test
  void countsComeFromTestcasesNotSuiteAttributes() throws Exception {
    Path xml = tmp.resolve("r.xml");
    Files.writeString(xml, """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites><testsuite name="pytest" errors="0" failures="0" skipped="0" tests="99">
        <testcase classname="tests.smoke.test_a" name="test_ok" time="0.01"/>
        <testcase classname="tests.smoke.test_a" name="test_bad"><failure message="assert 1 == 2&#10;more">tb</failure></testcase>
        <testcase classname="tests.smoke.test_a" name="test_err"><error message="fixture broke">tb</error></testcase>
        <testcase classname="tests.smoke.test_a" name="test_skip"><skipped type="pytest.skip" message="node not installed">x</skipped></testcase>
        </testsuite></testsuites>
        """);
    Value.Tests t = JunitReport.read(xml, tmp);
    assertThat(t.passed()).isEqualTo(1);
    assertThat(t.failed()).isEqualTo(1);
    assertThat(t.errors()).isEqualTo(1);
    assertThat(t.skipped()).isEqualTo(1);
    assertThat(t.notable()).extracting(Value.TestCase::message)
        .containsExactly("assert 1 == 2 / more", "fixture broke", "node not installed");
  }

  @Test
  void doctypeIsRefused() throws Exception {
    Path xml = tmp.resolve("r.xml");
    Files.writeString(xml, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite>&e;</testsuite>");
    assertThatThrownBy(() -> JunitReport.read(xml, tmp)).isInstanceOf(JunitReport.Unreadable.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void otherXmlIsNotAReport() throws Exception {
    Path xml = tmp.resolve("r.xml");
    Files.writeString(xml, "<project/>");
    assertThatThrownBy(() -> JunitReport.read(xml, tmp)).hasMessageContaining("not a JUnit XML report");
  }

  @Test
  void missingFileIsUnreadable() {
    assertThatThrownBy(() -> JunitReport.read(tmp.resolve("none.xml"), tmp))
        .isInstanceOf(JunitReport.Unreadable.class);
  }
}
