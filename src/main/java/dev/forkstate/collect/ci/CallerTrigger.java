package dev.forkstate.collect.ci;

import static dev.forkstate.collect.ci.WorkflowCollector.fail;
import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;

import dev.forkstate.collect.ci.PushExpression.Truth;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code ci.workflow.push-trigger} for a reusable workflow ({@code on: workflow_call}): GitHub runs it as part of
 * a caller's run, so a push starts it when a workflow that calls it ({@code jobs.<id>.uses: ./.github/workflows/
 * <file>}) is triggered by that push and the calling job's {@code if:} lets it run. Each caller is judged as the
 * workflow itself would be ({@link PushTrigger}, and its own callers in turn); the best answer wins, because one
 * caller that runs it is enough. A caller whose trigger or {@code if:} cannot be evaluated makes the answer
 * UNKNOWN unless another caller settles it.
 */
final class CallerTrigger {
  private CallerTrigger() {}

  static Fact fact(WorkflowFile wf, WorkflowSet set, String branch, Supplier<WatchedFiles> watched, Evidence show) {
    Set<String> seen = new HashSet<>();
    seen.add(wf.path());
    return trigger(wf, set, branch, watched, show, seen);
  }

  private static Fact trigger(WorkflowFile wf, WorkflowSet set, String branch, Supplier<WatchedFiles> watched,
      Evidence show, Set<String> seen) {
    Fact direct = PushTrigger.fact(wf, branch, watched, show);
    if (direct.status() == Status.PASS || !PushTrigger.events(wf).contains("workflow_call")) {
      return direct;
    }
    Phrase called = Phrase.of("it runs when another workflow calls it (").then(NAME, "workflow_call")
        .then(", " + wf.at(PushTrigger.on(wf).orElseThrow()) + ")");
    Phrase notDirect = direct.summaryPhrase().then("; ").then(called);
    List<Fact> results = new ArrayList<>();
    for (WorkflowSet.CallingJob c : set.callersOf(wf.path())) {
      // Seen along this chain only: a cycle is cut (GitHub rejects one), a workflow reached twice is read twice.
      Set<String> chain = new HashSet<>(seen);
      if (chain.add(c.file().path())) {
        results.add(through(c, set, branch, watched, chain));
      }
    }
    Fact best = direct;
    for (Fact r : results) {
      best = rank(r.status()) < rank(best.status()) ? r : best;
    }
    if (best != direct || direct.status() != Status.FAIL) {
      return best;
    }
    if (results.isEmpty() && !set.unreadable().isEmpty()) {
      return new Fact(FactId.of(PushTrigger.ID), Status.UNKNOWN, Value.none(), Phrase.empty(), notDirect
          .then(", and no readable workflow calls it, but " + String.join("; ", set.unreadable())), List.of(show));
    }
    if (results.isEmpty()) {
      return fail(PushTrigger.ID, notDirect.then(", and no workflow in " + WorkflowSet.DIR + " calls it"), show);
    }
    return fail(PushTrigger.ID, notDirect.then(", and no caller runs it on a push: ")
        .then(Phrase.join(results.stream().map(Fact::summaryPhrase).toList(), "; ")), show);
  }

  /** Whether pushes start {@code c}'s workflow and its calling job: the caller's trigger, then the job's if. */
  private static Fact through(WorkflowSet.CallingJob c, WorkflowSet set, String branch,
      Supplier<WatchedFiles> watched, Set<String> seen) {
    Evidence callerShow = Evidence.ofCommand("grep -nF -- " + ShellQuote.quote(WorkflowFile.scalar(c.uses()).strip())
        + " " + ShellQuote.quote(c.file().path()));
    Fact up = trigger(c.file(), set, branch, watched, Evidence.ofCommand("cat " + ShellQuote.quote(
        c.file().path())), seen);
    Phrase via = c.describe().then(" calls it");
    if (up.status() == Status.FAIL) {
      return fail(PushTrigger.ID, via.then(", but in that workflow: ").then(up.summaryPhrase()), callerShow);
    }
    if (up.status() == Status.UNKNOWN) {
      return new Fact(FactId.of(PushTrigger.ID), Status.UNKNOWN, Value.none(), Phrase.empty(),
          via.then(", but in that workflow: ").then(up.reasonPhrase()), List.of(callerShow));
    }
    Phrase gate = Phrase.empty();
    Node ifNode = WorkflowFile.get(c.body(), "if").orElse(null);
    if (ifNode != null) {
      String expr = WorkflowFile.scalar(ifNode);
      Phrase said = Phrase.of("the job runs only if ").then(CODE, expr).then(" (" + c.file().at(ifNode) + ")");
      Truth t = PushExpression.evaluate(expr, branch, NeedsResults.of(c.file(), c.body(), branch));
      if (t == Truth.FALSE) {
        return fail(PushTrigger.ID, via.then(", but ").then(said).then(", which is false on a push to ")
            .then(branch == null ? Phrase.of("the fork branch") : Phrase.of(BRANCH, branch)), callerShow);
      }
      if (t == Truth.UNKNOWN) {
        return new Fact(FactId.of(PushTrigger.ID), Status.UNKNOWN, Value.none(), Phrase.empty(), via.then(", but ")
            .then(said).then(", which forkstate cannot evaluate for a push"), List.of(callerShow));
      }
      gate = Phrase.of("; ").then(said).then(", true on a push whose earlier jobs pass");
    }
    List<Evidence> ev = new ArrayList<>(List.of(callerShow));
    ev.addAll(up.evidence());
    return new Fact(FactId.of(PushTrigger.ID), up.status(), new Value.Text(c.file().at(c.uses())),
        Phrase.of("called by ").then(c.describe()).then(gate).then("; in that workflow: ").then(up.summaryPhrase()),
        up.reasonPhrase(), ev);
  }

  /** One caller that runs it settles the question; a doubt beats a definite no. */
  private static int rank(Status s) {
    return switch (s) {
      case PASS -> 0;
      case WARN -> 1;
      case UNKNOWN -> 2;
      default -> 3;
    };
  }
}
