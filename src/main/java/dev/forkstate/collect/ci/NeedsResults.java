package dev.forkstate.collect.ci;

import dev.forkstate.collect.ci.PushExpression.Truth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * {@code needs.<job>.result} for the jobs a job needs, in the situation {@link PushExpression} judges: a push on which
 * every earlier job passed. A needed job's result is "success" only when it runs on that push: its own needs
 * succeed and its {@code if:}, if any, is true. Otherwise the value stays unknown, never guessed: a needed job that
 * is skipped on a push makes {@code needs.x.result == 'success'} false there. The gate this reads, such as
 * celery's {@code if: needs.Unit.result == 'success'}, only ever delays a job until an earlier one is green, which
 * cannot turn a failing smoke green.
 */
final class NeedsResults {
  private final WorkflowFile wf;
  private final String branch;
  // Per job id, lower case: whether it runs and succeeds on the push. Set to false while a job is being read, so
  // a cycle (which GitHub rejects) ends; memoised, so a wide graph of needs is read once per job.
  private final Map<String, Boolean> memo = new HashMap<>();

  private NeedsResults(WorkflowFile wf, String branch) {
    this.wf = wf;
    this.branch = branch;
  }

  /** Context values for expressions in {@code jobBody} (its {@code if:} and its steps'), keyed by lower-case path. */
  static Map<String, Object> of(WorkflowFile wf, Node jobBody, String branch) {
    return new NeedsResults(wf, branch).known(jobBody);
  }

  private Map<String, Object> known(Node jobBody) {
    Map<String, Object> out = new HashMap<>();
    for (String need : needs(jobBody)) {
      if (succeeds(need)) {
        out.put("needs." + need.toLowerCase(Locale.ROOT) + ".result", "success");
      }
    }
    return out;
  }

  private boolean succeeds(String jobId) {
    String key = jobId.toLowerCase(Locale.ROOT);
    if (memo.containsKey(key)) {
      return memo.get(key);
    }
    memo.put(key, false);
    Optional<Node> body = job(jobId);
    boolean ok = false;
    if (body.isPresent()) {
      Map<String, Object> known = known(body.get());
      Optional<Node> cond = WorkflowFile.get(body.get(), "if");
      ok = known.size() == needs(body.get()).size() && (cond.isEmpty()
          || PushExpression.evaluate(WorkflowFile.scalar(cond.get()), branch, known) == Truth.TRUE);
    }
    memo.put(key, ok);
    return ok;
  }

  /** Job ids are case-insensitive in expressions, as GitHub matches them. */
  private Optional<Node> job(String jobId) {
    for (NodeTuple t : WorkflowFile.entries(WorkflowFile.get(wf.root(), "jobs").orElse(null))) {
      if (WorkflowFile.scalar(t.getKeyNode()).equalsIgnoreCase(jobId)) {
        return Optional.of(t.getValueNode());
      }
    }
    return Optional.empty();
  }

  private static List<String> needs(Node jobBody) {
    Optional<Node> n = WorkflowFile.get(jobBody, "needs");
    if (n.isEmpty()) {
      return List.of();
    }
    if (n.get() instanceof ScalarNode s) {
      return List.of(s.getValue().toLowerCase(Locale.ROOT));
    }
    return WorkflowFile.items(n.get()).stream().map(WorkflowFile::scalar).filter(x -> !x.isEmpty())
        .map(x -> x.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
