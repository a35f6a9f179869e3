package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Value;
import dev.forkstate.history.HistoryStore;
import dev.forkstate.history.RunFacts;
import dev.forkstate.history.RunFactsJson;
import dev.forkstate.history.SqliteDriver;
import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This run's history row is serialised on the pool while the history is opened and the report built: the trends wait
 * for it only when the newest row is of the same commit (its hash tells a repeat), a failure to serialise it surfaces
 * as itself before anything is written, and nothing of it runs on after the history is closed.
 */
class RunHistoryRowTest {
  @TempDir
  Path repo;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @BeforeEach
  void driver() {
    SqliteDriver.prepare(Map.of("HOME", repo.resolve("home").toString()));
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static FactSet run(String sha) {
    return new FactSet(List.of(Fact.info(FactIds.GIT_HEAD_SHA, new Value.Text(sha), "head"),
        Fact.info(FactIds.UPSTREAM_BEHIND, new Value.Count(3), "behind")));
  }

  private static String row(FactSet facts) {
    return RunFactsJson.write(RunFacts.of(facts.all()), Redactor.none());
  }

  private RunHistory open(FactSet measured, Supplier<String> row) {
    return RunHistory.open(repo, ".forkstate/history.db", Optional.empty(), "2026-01-01T00:00:00Z", measured,
        Redactor.none(), pool, row);
  }

  /** Records a first run at {@code sha}, so the next run's trends compare with it. */
  private void recordFirst(String sha) {
    try (RunHistory history = open(run(sha), () -> row(run(sha)))) {
      history.trends(run(sha), null);
      history.awaitRow();
      assertThat(history.record(0)).isEmpty();
    }
  }

  private List<HistoryStore.Run> rows() throws Exception {
    try (HistoryStore store = HistoryStore.open(repo.resolve(".forkstate/history.db"), Redactor.none())) {
      return store.recent(10);
    }
  }

  @Test
  void aRunAtANewCommitGetsItsTrendsWithoutWaitingForItsRow() throws Exception {
    recordFirst("aaa");
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean written = new AtomicBoolean();
    try (RunHistory history = open(run("bbb"), () -> {
      await(release);
      written.set(true);
      return row(run("bbb"));
    })) {
      List<Fact> trends = history.trends(run("bbb"), null);
      assertThat(trends).isNotEmpty();
      assertThat(written).isFalse();
      assertThat(history.points()).hasSize(2);
      release.countDown();
      history.awaitRow();
      assertThat(history.record(0)).isEmpty();
    }
    assertThat(rows()).extracting(HistoryStore.Run::commit).containsExactly("bbb", "aaa");
  }

  @Test
  void aRepeatOfTheNewestRowIsToldByTheRowsHash() throws Exception {
    recordFirst("aaa");
    try (RunHistory history = open(run("aaa"), () -> row(run("aaa")))) {
      history.trends(run("aaa"), null);
      assertThat(history.points()).hasSize(1);
      history.awaitRow();
      history.record(0);
    }
    assertThat(rows()).hasSize(1);
  }

  @Test
  void aRowThatFailsToSerialiseFailsTheRunAsItselfAndIsNotRecorded() throws Exception {
    recordFirst("aaa");
    IllegalStateException broken = new IllegalStateException("cannot serialise");
    try (RunHistory history = open(run("bbb"), () -> {
      throw broken;
    })) {
      history.trends(run("bbb"), null); // a new commit: the trends do not need the row
      assertThatThrownBy(history::awaitRow).isSameAs(broken);
    }
    try (RunHistory history = open(run("aaa"), () -> {
      throw broken;
    })) {
      assertThatThrownBy(() -> history.trends(run("aaa"), null)).isSameAs(broken); // same commit: the hash is needed
    }
    assertThat(rows()).extracting(HistoryStore.Run::commit).containsExactly("aaa");
  }

  @Test
  void closingWaitsForTheRowBeingSerialised() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    RunHistory history = open(run("ccc"), () -> {
      started.countDown();
      await(release);
      done.set(true);
      return row(run("ccc"));
    });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread closer = new Thread(history::close);
    closer.start();
    closer.join(200);
    assertThat(closer.isAlive()).as("close waits for the serialising").isTrue();
    release.countDown();
    closer.join(10_000);
    assertThat(closer.isAlive()).isFalse();
    assertThat(done).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
