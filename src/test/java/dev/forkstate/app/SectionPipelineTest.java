package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.report.Line;
import dev.forkstate.report.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sections built on the pool while the caller renders: in order, each once; a step's exception reaches the caller
 * as the step threw it, for that section and every one after it; closing stops the builder and waits for it.
 */
class SectionPipelineTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static Section section(String id) {
    return new Section(id, id, List.<Line>of());
  }

  @Test
  void theSectionsComeInOrderEachBuiltOnce() {
    List<String> builtOn = Collections.synchronizedList(new ArrayList<>());
    List<Supplier<Section>> steps = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String id = "s" + i;
      steps.add(() -> {
        builtOn.add(Thread.currentThread().getName());
        return section(id);
      });
    }
    List<String> rendered = new ArrayList<>();
    try (SectionPipeline pipeline = SectionPipeline.start(steps, pool)) {
      pipeline.sections().forEach(s -> rendered.add(s.get().id()));
      assertThat(pipeline.all()).extracting(Section::id).isEqualTo(rendered);
    }
    assertThat(rendered).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");
    assertThat(builtOn).hasSize(11);
  }

  @Test
  void aFailingStepFailsItsSectionAndTheLaterOnesWithItsOwnException() {
    IllegalStateException boom = new IllegalStateException("no facts for gaps");
    AtomicInteger after = new AtomicInteger();
    List<Supplier<Section>> steps = List.of(() -> section("a"), () -> {
      throw boom;
    }, () -> {
      after.incrementAndGet();
      return section("c");
    });
    try (SectionPipeline pipeline = SectionPipeline.start(steps, pool)) {
      List<Supplier<Section>> sections = pipeline.sections();
      assertThat(sections.get(0).get().id()).isEqualTo("a");
      assertThatThrownBy(() -> sections.get(1).get()).isSameAs(boom);
      assertThatThrownBy(pipeline::all).isSameAs(boom);
    }
    assertThat(after.get()).as("no step is taken after one failed (the other thread may have taken the next)")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void anErrorIsThrownAsItselfNotWrapped() {
    StackOverflowError deep = new StackOverflowError("deep");
    try (SectionPipeline pipeline = SectionPipeline.start(List.of(() -> {
      throw deep;
    }), pool)) {
      assertThatThrownBy(() -> pipeline.sections().get(0).get()).isSameAs(deep);
    }
  }

  /** The caller, waiting for a section, builds the next one nobody took: each step still runs once. */
  @Test
  void theCallerBuildsTheNextStepWhileItWaits() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> builtOn = Collections.synchronizedList(new ArrayList<>());
    List<Supplier<Section>> steps = List.of(() -> {
      builtOn.add("pool");
      await(release);
      return section("slow");
    }, () -> {
      builtOn.add(Thread.currentThread().getName());
      release.countDown();
      return section("next");
    });
    try (SectionPipeline pipeline = SectionPipeline.start(steps, pool)) {
      while (builtOn.isEmpty()) {
        Thread.onSpinWait();
      }
      List<Supplier<Section>> sections = pipeline.sections();
      assertThat(sections.get(0).get().id()).isEqualTo("slow");
      assertThat(sections.get(1).get().id()).isEqualTo("next");
    }
    assertThat(builtOn).containsExactly("pool", Thread.currentThread().getName());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The caller fails while rendering (a broken old report, a redactor error): the builder stops and is waited for. */
  @Test
  void closingStopsTheBuilderAfterItsStepAndWaitsForIt() throws Exception {
    CountDownLatch inFirst = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger built = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    List<Supplier<Section>> steps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = "s" + i;
      steps.add(() -> {
        running.incrementAndGet();
        inFirst.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        built.incrementAndGet();
        running.decrementAndGet();
        return section(id);
      });
    }
    SectionPipeline pipeline = SectionPipeline.start(steps, pool);
    assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
    Thread closer = new Thread(pipeline::close);
    closer.start();
    closer.join(200);
    assertThat(closer.isAlive()).as("close waits for the step that runs").isTrue();
    release.countDown();
    closer.join(10_000);
    assertThat(closer.isAlive()).isFalse();
    assertThat(running).hasValue(0);
    assertThat(built).hasValue(1);
    assertThatThrownBy(() -> pipeline.sections().get(1).get()).isInstanceOf(IllegalStateException.class);
  }
}
