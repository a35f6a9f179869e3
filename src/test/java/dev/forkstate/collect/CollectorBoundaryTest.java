package dev.forkstate.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.check.Checks;
import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.error.ExitCode;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collector's bug costs its own facts (UNKNOWN, with the reason), never the report. */
class CollectorBoundaryTest {
  @TempDir
  Path tmp;

  /** Stands in for a collector with a bug: it throws the way a bad regex or a parse error would. */
  private record Throwing(RuntimeException e, List<String> failureIds) implements Collector {
    @Override
    public String name() {
      return "smokes";
    }

    @Override
    public List<Fact> collect(CollectContext ctx) {
      throw e;
    }
  }

  /** Runs the boundary the way generate does, through a real (empty) repository's context. */
  private FactSet through(Collector c) throws Exception {
    Files.createDirectories(tmp.resolve("r"));
    new ProcessBuilder("git", "init", "-q", tmp.resolve("r").toString()).start().waitFor();
    Collector bounded = new Collector() {
      @Override
      public String name() {
        return c.name();
      }

      @Override
      public List<String> failureIds() {
        return c.failureIds();
      }

      @Override
      public List<Fact> collect(CollectContext ctx) {
        return CollectorBoundary.run(c, ctx);
      }
    };
    return Collecting.run(bounded, tmp.resolve("r"), "", TestEnv.isolated(tmp.resolve("home")), true);
  }

  @Test
  void anExceptionBecomesUnknownFactsWithTheReasonAndTheCheckIsUnknown() throws Exception {
    FactSet facts = through(new Throwing(new java.util.regex.PatternSyntaxException("Unclosed group", "feature/(x", 10),
        List.of("smoke.collector", "happypath.determinism")));
    assertThat(facts.all()).extracting(Fact::status).containsOnly(Status.UNKNOWN);
    assertThat(facts.get(FactIds.SMOKE_COLLECTOR).orElseThrow().reason())
        .startsWith("forkstate's smokes measurement failed (PatternSyntaxException: Unclosed group")
        .contains("bug in forkstate");
    List<Finding> findings = Checks.evaluate(facts, List.of("smokes-pass"));
    Finding smokes = findings.stream().filter(f -> f.checkId().equals("smokes-pass")).findFirst().orElseThrow();
    assertThat(smokes.status()).isEqualTo(Status.UNKNOWN);
    assertThat(RunVerdict.of(findings).exitCode()).isEqualTo(ExitCode.CHECKS_NOT_PASSING);
  }

  /** A bug inside a command run side by side reaches the boundary wrapped by its future; the reason names the bug. */
  @Test
  void aBugWrappedByAFutureIsNamedByItsCause() throws Exception {
    FactSet facts = through(new Throwing(new java.util.concurrent.CompletionException(
        new IllegalStateException("no merge-base line")), List.of("smoke.collector")));
    assertThat(facts.get(FactIds.SMOKE_COLLECTOR).orElseThrow().reason())
        .startsWith("forkstate's smokes measurement failed (IllegalStateException: no merge-base line)");
  }

  @Test
  void everyCollectorNamesTheIdsThatStandForIt() {
    // Each id must be a valid fact id, and the ids of different collectors must not collide (FactSet refuses
    // duplicates, which would turn one collector's bug into the whole run's).
    List<Collector> all = List.of(new dev.forkstate.collect.git.GitStateCollector(),
        new dev.forkstate.collect.upstream.UpstreamCollector(), new dev.forkstate.collect.ci.WorkflowCollector(),
        new dev.forkstate.collect.happypath.HappyPathCollector(),
        new dev.forkstate.collect.upstream.UpstreamabilityCollector(),
        new dev.forkstate.collect.upstream.PrBranchCollector(), new dev.forkstate.collect.smoke.SmokeCollector(),
        new dev.forkstate.collect.upstream.CommittedSecretsCollector(),
        new dev.forkstate.collect.smoke.LiveCheckCollector(), new dev.forkstate.collect.metrics.MetricsCollector(),
        new dev.forkstate.collect.refs.ReferenceCollector(List.of()),
        new dev.forkstate.collect.happypath.CopyPasteCollector(List.of()),
        new dev.forkstate.collect.happypath.CapabilityCollector(List.of()));
    List<String> ids = all.stream().flatMap(c -> c.failureIds().stream()).toList();
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> dev.forkstate.fact.FactId.of(id));
    assertThat(all).allSatisfy(c -> assertThat(c.failureIds()).as(c.name()).isNotEmpty());
  }
}
