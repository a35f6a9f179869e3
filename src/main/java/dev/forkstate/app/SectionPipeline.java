package dev.forkstate.app;

import dev.forkstate.exec.Await;
import dev.forkstate.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The report's sections built on the run's pool while the caller renders each as soon as it is built: building and
 * rendering cost about the same (~15 ms each in a cold JVM), and the machine's second core is idle after the
 * collection. The pool's thread takes the steps in order; the caller, when the section it needs next is not built yet,
 * takes the next step nobody took instead of waiting, so the building is shared when it is the longer part. The output
 * does not change: every section is built by its own step, from inputs nothing changes, and rendered in order. A step
 * that fails fails its section and the ones not built yet with its own exception, which the caller gets when it asks
 * for the first of them, as it did when the report was built whole before rendering. {@link #close} stops the builder
 * after the step it is on and waits for it: nothing runs on after the run.
 */
final class SectionPipeline implements AutoCloseable {
  private final List<Supplier<Section>> steps;
  private final List<CompletableFuture<Section>> built;
  /** The next step nobody took. */
  private final AtomicInteger next = new AtomicInteger();
  private final CompletableFuture<Void> builder;
  private volatile boolean stopped;

  private SectionPipeline(List<Supplier<Section>> steps, Executor pool) {
    this.steps = List.copyOf(steps);
    List<CompletableFuture<Section>> futures = new ArrayList<>();
    steps.forEach(s -> futures.add(new CompletableFuture<>()));
    this.built = List.copyOf(futures);
    this.builder = CompletableFuture.runAsync(this::build, pool);
  }

  /** Starts building the sections of {@code steps} on {@code pool}. */
  static SectionPipeline start(List<Supplier<Section>> steps, Executor pool) {
    return new SectionPipeline(steps, pool);
  }

  /** The pool's part: the steps in order, until none is left, one failed or the caller stopped it. */
  private void build() {
    while (!stopped && takeAndBuild()) {
      // next step
    }
    if (stopped) {
      failFrom(0, new IllegalStateException("the report's sections were no longer wanted"));
    }
  }

  /** Builds the next step nobody took; false when none is left or one failed. */
  private boolean takeAndBuild() {
    int i = next.getAndIncrement();
    if (i >= steps.size()) {
      return false;
    }
    try {
      built.get(i).complete(steps.get(i).get());
      return true;
    } catch (RuntimeException | Error e) {
      failFrom(i, e);
      return false;
    }
  }

  /** Fails the sections from {@code first} on that are not built (yet), and leaves no step for anyone to take. */
  private void failFrom(int first, Throwable e) {
    next.set(steps.size());
    for (int j = first; j < built.size(); j++) {
      built.get(j).completeExceptionally(e);
    }
  }

  /** The sections in order, each waiting for its step: what a renderer takes one by one. */
  List<Supplier<Section>> sections() {
    List<Supplier<Section>> out = new ArrayList<>();
    built.forEach(f -> out.add(() -> {
      while (!f.isDone() && takeAndBuild()) {
        // built a later section while this one is being built
      }
      return Await.join(f);
    }));
    return out;
  }

  /** Every section, once built (after {@link #sections} were rendered, nothing is waited for). */
  List<Section> all() {
    List<Section> out = new ArrayList<>();
    built.forEach(f -> out.add(Await.join(f)));
    return out;
  }

  /** Stops the builder after the step it is on, and waits for it. */
  @Override
  public void close() {
    stopped = true;
    Await.settle(builder);
  }
}
