package dev.forkstate.collect.ci;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The Python versions a workflow's jobs name literally: matrix values, {@code python-version} inputs and the
 * {@code with:} a calling job hands a reusable workflow ("3.10", '["3.11", "3.12"]'). For {@code init}, which must not
 * propose a required job the workflow never runs (a first report would then fail for want of a 3.12 job the project
 * never had). Expressions are not evaluated here: they name no version.
 */
public final class TestedPythons {
  private static final Pattern VERSION = Pattern.compile("(?<![0-9.])(3\\.[0-9]{1,2})(?![0-9])");
  private static final Comparator<String> BY_NUMBER =
      Comparator.comparingInt((String v) -> Integer.parseInt(v.substring(2))).thenComparing(v -> v);

  private TestedPythons() {}

  /** The versions, oldest first, named in any of these workflows. */
  public static List<String> in(List<WorkflowFile> files) {
    TreeSet<String> out = new TreeSet<>(BY_NUMBER);
    for (WorkflowFile wf : files) {
      for (NodeTuple job : WorkflowFile.entries(WorkflowFile.get(wf.root(), "jobs").orElse(null))) {
        Node body = job.getValueNode();
        // The matrix as RequiredPython reads it: an exclude: entry names a version the job does not run.
        List<ScalarNode> scalars = new ArrayList<>();
        WorkflowFile.get(body, "strategy").flatMap(st -> WorkflowFile.get(st, "matrix"))
            .ifPresent(m -> scalars.addAll(RequiredPython.matrixValues(m)));
        WorkflowFile.get(body, "with").ifPresent(w -> scalars.addAll(WorkflowFile.scalars(w)));
        for (Node step : WorkflowFile.items(WorkflowFile.get(body, "steps").orElse(null))) {
          WorkflowFile.get(step, "with").flatMap(w -> WorkflowFile.get(w, "python-version"))
              .ifPresent(v -> scalars.addAll(WorkflowFile.scalars(v)));
        }
        scalars.forEach(s -> versions(s.getValue(), out));
      }
    }
    return List.copyOf(out);
  }

  private static void versions(String text, TreeSet<String> out) {
    if (text.contains("${{")) {
      return;
    }
    Matcher m = VERSION.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
  }
}
