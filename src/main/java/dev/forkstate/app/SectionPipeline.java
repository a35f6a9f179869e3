package dev.forkstate.app;

import dev.forkstate.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The report's sections built on the run's pool, one after another in the report's order, while the caller renders
 * each as soon as it is built: building and rendering cost about the same (~15 ms each in a cold JVM), and the
 * machine's second core is idle after the collection. The output does not change: every section is built by the same
 * step as before, and rendered in order. A step that fails fails the sections from it on with its own exception, which
 * the caller gets when it asks for the first of them, as it did when the report was built whole before rendering.
 * {@link #close} stops the builder after the section it is on and waits for it: nothing runs on after the run.
 */
final class SectionPipeline implements AutoCloseable {
  private final List<CompletableFuture<Section>> built;
  private final CompletableFuture<Void> builder;
  private volatile boolean stopped;

  private SectionPipeline(List<Supplier<Section>> steps, Executor pool) {
    List<CompletableFuture<Section>> futures = new ArrayList<>();
    steps.forEach(s -> futures.add(new CompletableFuture<>()));
    this.built = List.copyOf(futures);
    this.builder = CompletableFuture.runAsync(() -> build(steps), pool);
  }

  /** Starts building the sections of {@code steps} on {@code pool}. */
  static SectionPipeline start(List<Supplier<Section>> steps, Executor pool) {
    return new SectionPipeline(steps, pool);
  }

  private void build(List<Supplier<Section>> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (stopped) {
        failFrom(i, new IllegalStateException("the report's sections were no longer wanted"));
        return;
      }
      try {
        built.get(i).complete(steps.get(i).get());
      } catch (RuntimeException | Error e) {
        failFrom(i, e);
        return;
      }
    }
  }

  private void failFrom(int first, Throwable e) {
    for (int j = first; j < built.size(); j++) {
      built.get(j).completeExceptionally(e);
    }
  }

  /** The sections in order, each waiting for its step: what a renderer takes one by one. */
  List<Supplier<Section>> sections() {
    List<Supplier<Section>> out = new ArrayList<>();
    built.forEach(f -> out.add(() -> join(f)));
    return out;
  }

  /** Every section, once built (after {@link #sections} were rendered, nothing is waited for). */
  List<Section> all() {
    List<Section> out = new ArrayList<>();
    built.forEach(f -> out.add(join(f)));
    return out;
  }

  /** The section, or the exception of the step that built it (or of an earlier one), as that step threw it. */
  private static Section join(CompletableFuture<Section> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Stops the builder after the step it is on, and waits for it. */
  @Override
  public void close() {
    stopped = true;
    builder.exceptionally(e -> null).join();
  }
}
