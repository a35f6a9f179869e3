package dev.forkstate.collect.ci;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A `run:` step: its job's id and body (for the job's `if:` and `continue-on-error:`), the step itself, the `run:`
 * node for the line, the script as written and the part of it a shell would execute.
 */
record RunStep(String job, Node jobBody, Node step, Node node, String script, String executed) {

  static List<RunStep> all(WorkflowFile wf) {
    List<RunStep> out = new ArrayList<>();
    for (NodeTuple job : WorkflowFile.entries(WorkflowFile.get(wf.root(), "jobs").orElse(null))) {
      String jobId = WorkflowFile.scalar(job.getKeyNode());
      Node body = job.getValueNode();
      for (Node step : WorkflowFile.items(WorkflowFile.get(body, "steps").orElse(null))) {
        WorkflowFile.get(step, "run").ifPresent(r -> {
          String script = WorkflowFile.scalar(r);
          out.add(new RunStep(jobId, body, step, r, script, ExecutedScript.of(script)));
        });
      }
    }
    return out;
  }
}
