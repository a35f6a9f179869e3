package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The start-up line counts from the launcher's exec when it passes the moment, else from the JVM's own record. */
class StageTimerTest {
  @Test
  void theLaunchersMomentIsReadToTheMillisecond() {
    assertThat(StageTimer.jvmStart("1764512345.123456")).isEqualTo(1_764_512_345_123L);
    assertThat(StageTimer.jvmStart("1764512345,5")).isEqualTo(1_764_512_345_500L);
  }

  @Test
  void withoutItOrWithSomethingElseTheJvmAnswers() {
    long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
    assertThat(StageTimer.jvmStart(null)).isEqualTo(jvm);
    assertThat(StageTimer.jvmStart("")).isEqualTo(jvm);
    assertThat(StageTimer.jvmStart("soon")).isEqualTo(jvm);
  }
}
