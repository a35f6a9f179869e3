package dev.forkstate.collect.ci;

import static dev.forkstate.collect.ci.WorkflowCollector.fail;
import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.COMMAND;
import static dev.forkstate.fact.Phrase.Kind.NAME;

import dev.forkstate.collect.ci.PushExpression.Truth;
import dev.forkstate.collect.smoke.SmokeCommand;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code ci.workflow.runs-smokes}: does a step run the smokes so that a failing smoke turns a push to the fork
 * branch red? A step that only prints the command, that an {@code if:} (its own or its job's) skips on that push,
 * or whose failure {@code continue-on-error} swallows, does not: FAIL. An {@code if:} or
 * {@code continue-on-error} forkstate cannot evaluate is UNKNOWN, with the expression quoted. So is "no step runs
 * them" when a step that runs on the push hands the testing to tox, nox, make, a local action or a reusable workflow
 * ({@link Delegation}): those may run the smokes, and forkstate does not read them.
 */
final class SmokeWiring {
  static final String ID = FactIds.CI_WORKFLOW_RUNS_SMOKES.value();

  private SmokeWiring() {}

  static Fact fact(WorkflowFile wf, List<RunStep> runs, List<String> smokes, String branch, Evidence show) {
    if (smokes.isEmpty()) {
      return Fact.unknown(ID, "no smoke command to look for", show);
    }
    Map<RunStep, Phrase> candidates = candidates(wf, runs, smokes);
    List<Phrase> failed = new ArrayList<>();
    Phrase doubtful = null;
    List<Phrase> doubts = List.of();
    for (Map.Entry<RunStep, Phrase> c : candidates.entrySet()) {
      List<Phrase> blockers = new ArrayList<>();
      List<Phrase> unknowns = new ArrayList<>();
      RunStep r = c.getKey();
      gates(wf, r.job(), r.jobBody(), r.step(), branch, blockers, unknowns);
      if (blockers.isEmpty() && unknowns.isEmpty()) {
        Node at = c.getKey().node();
        return Fact.of(ID, Status.PASS, new Value.Text(wf.at(at)), c.getValue(), show);
      }
      if (!blockers.isEmpty()) {
        failed.add(c.getValue().then(", but ").then(Phrase.join(blockers, ", and ")));
      } else if (doubtful == null) {
        doubtful = c.getValue();
        doubts = unknowns;
      }
    }
    if (doubtful != null) {
      return new Fact(FactId.of(ID), Status.UNKNOWN, Value.none(), doubtful.then(" under a condition forkstate "
          + "cannot evaluate"), Phrase.join(doubts, "; "), List.of(show));
    }
    Optional<Phrase> seen = failed.isEmpty() ? printedOnly(wf, runs, smokes) : Optional.of(Phrase.join(failed, "; "));
    List<Phrase> delegated = delegations(wf, branch);
    if (!delegated.isEmpty()) {
      return new Fact(FactId.of(ID), Status.UNKNOWN, Value.none(), seen.orElse(Phrase.of("no step runs the smoke "
          + "command itself (" + runs.size() + " run steps read)")), Phrase.join(delegated, "; ").then("; that may "
          + "run the smokes, so forkstate cannot tell"), List.of(show));
    }
    return fail(ID, seen.orElse(Phrase.of("no step runs the smoke command or its test paths (" + runs.size()
        + " run steps read)")), show);
  }

  private static Optional<Phrase> printedOnly(WorkflowFile wf, List<RunStep> runs, List<String> smokes) {
    for (String smoke : smokes) {
      for (RunStep r : runs) {
        if (normalise(r.script()).contains(normalise(smoke)) || runsPaths(r.script(), smoke)) {
          return Optional.of(Phrase.of("job ").then(NAME, r.job()).then(" only prints or comments out ")
              .then(COMMAND, smoke).then(" (" + wf.at(r.node()) + "); no step runs it"));
        }
      }
    }
    return Optional.empty();
  }

  /** The delegating steps and jobs that may run on a push to the branch and fail it: gates that block drop one. */
  private static List<Phrase> delegations(WorkflowFile wf, String branch) {
    List<Phrase> out = new ArrayList<>();
    for (Delegation d : Delegation.all(wf)) {
      List<Phrase> blockers = new ArrayList<>();
      gates(wf, d.job(), d.jobBody(), d.step(), branch, blockers, new ArrayList<>());
      if (blockers.isEmpty()) {
        out.add(d.what());
      }
    }
    return out;
  }

  /** The steps whose executed text runs a smoke command, or pytest on all its paths, with what they run. */
  private static Map<RunStep, Phrase> candidates(WorkflowFile wf, List<RunStep> runs, List<String> smokes) {
    Map<RunStep, Phrase> out = new LinkedHashMap<>();
    for (String smoke : smokes) {
      for (RunStep r : runs) {
        if (normalise(r.executed()).contains(normalise(smoke))) {
          out.putIfAbsent(r, Phrase.of("job ").then(NAME, r.job()).then(" runs ").then(COMMAND, smoke)
              .then(" (" + wf.at(r.node()) + ")"));
        }
      }
    }
    for (String smoke : smokes) {
      for (RunStep r : runs) {
        if (runsPaths(r.executed(), smoke)) {
          out.putIfAbsent(r, Phrase.of("job ").then(NAME, r.job()).then(" runs pytest on "
              + String.join(", ", SmokeCommand.parse(smoke).testPaths()) + " (" + wf.at(r.node()) + ")"));
        }
      }
    }
    return out;
  }

  private static boolean runsPaths(String script, String smoke) {
    List<String> paths = SmokeCommand.parse(smoke).testPaths();
    SmokeCommand ran = SmokeCommand.parse(script);
    return ran.pytest() && !paths.isEmpty() && ran.testPaths().containsAll(paths);
  }

  /** What may keep the step from running, or its failure from failing the run, on a push to the branch. */
  private static void gates(WorkflowFile wf, String jobId, Node jobBody, Node step, String branch,
      List<Phrase> blockers, List<Phrase> unknowns) {
    Phrase job = Phrase.of("job ").then(NAME, jobId);
    Map<String, Object> needs = NeedsResults.of(wf, jobBody, branch);
    for (Node body : step == null ? List.of(jobBody) : List.of(jobBody, step)) {
      Phrase who = body == step ? Phrase.of("the step") : job;
      WorkflowFile.get(body, "if").ifPresent(n -> {
        String expr = WorkflowFile.scalar(n);
        Truth t = PushExpression.evaluate(expr, branch, needs);
        Phrase said = who.then(" runs only if ").then(CODE, expr).then(" (" + wf.at(n) + ")");
        if (t == Truth.FALSE) {
          blockers.add(said.then(", which is false on a push to ").then(branch == null ? Phrase.of("the fork branch")
              : Phrase.of(BRANCH, branch)));
        } else if (t == Truth.UNKNOWN) {
          unknowns.add(said.then(", which forkstate cannot evaluate for a push"));
        }
      });
      WorkflowFile.get(body, "continue-on-error").ifPresent(n -> {
        String value = WorkflowFile.scalar(n);
        Truth t = PushExpression.evaluate(value, branch, needs);
        Phrase said = who.then(" has ").then(CODE, "continue-on-error: " + value).then(" (" + wf.at(n) + ")");
        if (t == Truth.TRUE) {
          blockers.add(said.then(": a failing smoke would not fail the run"));
        } else if (t == Truth.UNKNOWN) {
          unknowns.add(said.then(", which forkstate cannot evaluate; if true, a failing smoke would not fail the run"));
        }
      });
    }
  }

  private static String normalise(String script) {
    return script.replaceAll("\\s+", " ").strip();
  }
}
