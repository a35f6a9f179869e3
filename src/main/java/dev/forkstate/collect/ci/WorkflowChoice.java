package dev.forkstate.collect.ci;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which workflow {@code init} proposes as {@code ci.workflow}: the one that runs the smoke command on a push to the
 * fork branch, read as {@link SmokeWiring} and {@link PushTrigger} read it, not the one whose name says smoke. A
 * reusable workflow ({@code on: workflow_call} only) is never proposed itself: its caller that pushes trigger is,
 * since that is the run GitHub shows for the push.
 */
public final class WorkflowChoice {
  /** The proposed workflow and the rule that picked it, for the comment init writes above it. */
  /** {@code pythons}: the Python versions the chosen run names literally (its jobs, and a reusable workflow's). */
  public record Choice(String workflow, String why, List<String> pythons) {}

  /** {@code score}: how surely it runs the smokes (see {@link #score}); ties go to the alphabetically first. */
  private record Candidate(String path, int score, String why, List<WorkflowFile> files) {}

  private WorkflowChoice() {}

  /** @param tracked the files git tracks, to judge a push trigger's {@code paths:} filter against the smokes */
  public static Optional<Choice> choose(Path repo, List<String> smokes, String branch, List<String> tracked) {
    if (smokes.isEmpty() || branch == null || branch.isBlank()) {
      return Optional.empty();
    }
    WorkflowSet set = WorkflowSet.read(repo);
    WatchedFiles files = WatchedFiles.of(tracked, smokes.stream()
        .flatMap(c -> dev.forkstate.collect.smoke.SmokeCommand.parse(c).testPaths().stream()).distinct().toList(),
        Evidence.ofCommand("git ls-files"));
    Supplier<WatchedFiles> watched = () -> files;
    List<Candidate> found = new ArrayList<>();
    for (WorkflowFile wf : set.files()) {
      Evidence show = Evidence.ofCommand("cat " + wf.path());
      int wiring = rank(SmokeWiring.fact(wf, RunStep.all(wf), smokes, branch, show));
      if (wiring == 0) {
        continue;
      }
      int score = score(wiring, wf.path());
      String runs = wiring == 2 ? "runs the smoke command" : "may run the smokes (it delegates them)";
      if (pushed(wf, branch, watched, show)) {
        found.add(new Candidate(wf.path(), score, wf.path() + " " + runs + " on a push to " + branch, List.of(wf)));
      } else if (PushTrigger.events(wf).contains("workflow_call")) {
        for (WorkflowSet.CallingJob c : set.callersOf(wf.path())) {
          if (pushed(c.file(), branch, watched, show)) {
            found.add(new Candidate(c.file().path(), score, wf.path() + " " + runs + "; it is a reusable workflow, "
                + "so its caller " + c.file().path() + " (job " + c.job() + "), which a push to " + branch
                + " triggers, is the run to watch", List.of(c.file(), wf)));
          }
        }
      }
    }
    return found.stream()
        .min(Comparator.comparingInt((Candidate c) -> -c.score()).thenComparing(Candidate::path))
        .map(c -> new Choice(c.path(), c.why(), TestedPythons.in(c.files())));
  }

  private static boolean pushed(WorkflowFile wf, String branch, Supplier<WatchedFiles> watched, Evidence show) {
    Fact f = PushTrigger.fact(wf, branch, watched, show);
    return f.status() == Status.PASS || f.status() == Status.WARN;
  }

  /**
   * Three times the wiring rank, plus two when the file that holds the step is named for smokes, one for tests: a
   * workflow that hands testing to tox and is named smoke-tests is a surer bet than a docker build that runs make.
   */
  private static int score(int wiring, String holder) {
    String name = holder.substring(holder.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    return 3 * wiring + (name.contains("smoke") ? 2 : name.contains("test") ? 1 : 0);
  }

  /** 2: a step runs the smokes; 1: a step hands testing to tox, make or a reusable workflow; 0: neither. */
  private static int rank(Fact wiring) {
    return wiring.status() == Status.PASS ? 2 : wiring.status() == Status.UNKNOWN ? 1 : 0;
  }
}
