package dev.forkstate.collect.ci;

import static dev.forkstate.collect.ci.WorkflowCollector.fail;
import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * {@code ci.workflow.python}: does a job run the required Python version? Read from job names, matrix values (not
 * its {@code exclude:} entries, which remove combinations), {@code python-version:} inputs and containers. A value
 * written as an expression is evaluated only when it is a reusable workflow's input ({@link WorkflowInputs}) or
 * refers to the matrix, which is read itself; any other expression, and a job that calls a workflow forkstate does
 * not follow, makes "no such job" UNKNOWN instead of FAIL, with the expression quoted.
 */
final class RequiredPython {
  static final String ID = FactIds.CI_WORKFLOW_PYTHON.value();
  // Text whose every ${{ }} is a plain matrix property, such as "Python ${{ matrix.python-version }}".
  private static final Pattern MATRIX_ONLY = Pattern.compile("(?:[^$]|\\$(?!\\{\\{))*(?:\\$\\{\\{\\s*matrix\\."
      + "[A-Za-z0-9_.-]+\\s*}}(?:[^$]|\\$(?!\\{\\{))*)*");

  private RequiredPython() {}

  static Fact fact(WorkflowFile wf, List<WorkflowSet.CallingJob> callers, String version, Evidence show) {
    List<Phrase> doubts = new ArrayList<>();
    for (NodeTuple job : WorkflowFile.entries(WorkflowFile.get(wf.root(), "jobs").orElse(null))) {
      Node body = job.getValueNode();
      Phrase theJob = Phrase.of("job ").then(NAME, WorkflowFile.scalar(job.getKeyNode()));
      List<ScalarNode> candidates = new ArrayList<>();
      WorkflowFile.get(body, "name").ifPresent(n -> WorkflowFile.scalars(n).stream()
          .filter(s -> !s.getValue().contains("${{")).forEach(candidates::add)); // a name's expression sets no version
      WorkflowFile.get(body, "strategy").flatMap(st -> WorkflowFile.get(st, "matrix"))
          .ifPresent(m -> candidates.addAll(matrixValues(m)));
      for (Node step : WorkflowFile.items(WorkflowFile.get(body, "steps").orElse(null))) {
        WorkflowFile.get(step, "with").flatMap(w -> WorkflowFile.get(w, "python-version"))
            .ifPresent(v -> candidates.addAll(WorkflowFile.scalars(v)));
        WorkflowFile.get(step, "with").flatMap(w -> WorkflowFile.get(w, "python-version-file"))
            .ifPresent(v -> doubts.add(theJob.then(" reads its Python version from ")
                .then(PATH, WorkflowFile.scalar(v)).then(" (" + wf.at(v) + "), which forkstate does not read")));
      }
      WorkflowFile.get(body, "container").ifPresent(c -> candidates.addAll(WorkflowFile.scalars(c)));
      for (ScalarNode c : candidates) {
        String text = c.getValue();
        if (!text.contains("${{")) {
          if (WorkflowCollector.mentionsVersion(text, version)) {
            return Fact.of(ID, Status.PASS, new Value.Text(wf.at(c)), theJob.then(" runs Python " + version
                + " (" + wf.at(c) + ")"), show);
          }
          continue;
        }
        if (MATRIX_ONLY.matcher(text).matches()) {
          continue; // the matrix it names is read as a candidate of its own
        }
        var sources = WorkflowInputs.resolve(wf, callers, text);
        if (sources.isEmpty()) {
          doubts.add(Phrase.of(CODE, text).then(" (" + wf.at(c) + ") is an expression forkstate cannot evaluate"));
          continue;
        }
        for (WorkflowInputs.Source s : sources.get()) {
          if (s instanceof WorkflowInputs.Known k && k.values().stream()
              .anyMatch(v -> WorkflowCollector.mentionsVersion(v, version))) {
            return Fact.of(ID, Status.PASS, new Value.Text(wf.at(c)), theJob.then(" runs Python " + version + ": ")
                .then(CODE, text).then(" (" + wf.at(c) + ") is ").then(CODE, String.join(", ", k.values()))
                .then(" from ").then(k.where()), show);
          }
          if (s instanceof WorkflowInputs.Doubt d) {
            doubts.add(Phrase.of(CODE, text).then(" (" + wf.at(c) + "): ").then(d.why()));
          }
        }
      }
      WorkflowFile.get(body, "uses").ifPresent(u -> doubts.add(theJob.then(" calls ")
          .then(WorkflowSet.isLocal(WorkflowFile.scalar(u)) ? PATH : NAME, WorkflowFile.scalar(u))
          .then(" (" + wf.at(u) + "), which forkstate does not follow for this fact")));
    }
    if (!doubts.isEmpty()) {
      return new Fact(FactId.of(ID), Status.UNKNOWN, Value.none(), Phrase.of("no literal job or matrix entry for "
          + "Python " + version + " in " + wf.path()), Phrase.join(doubts, "; "), List.of(show));
    }
    return fail(ID, Phrase.of("no job or matrix entry for Python " + version + " in " + wf.path()), show);
  }

  /** The matrix's scalars, without {@code exclude:}: an excluded version is one the job does not run. */
  static List<ScalarNode> matrixValues(Node matrix) {
    if (!WorkflowFile.entries(matrix).isEmpty()) {
      List<ScalarNode> out = new ArrayList<>();
      for (NodeTuple t : WorkflowFile.entries(matrix)) {
        if (!WorkflowFile.scalar(t.getKeyNode()).equals("exclude")) {
          out.addAll(WorkflowFile.scalars(t.getValueNode()));
        }
      }
      return out;
    }
    return WorkflowFile.scalars(matrix);
  }
}
