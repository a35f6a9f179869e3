package dev.forkstate.collect.ci;

import static dev.forkstate.collect.ci.WorkflowCollector.fail;
import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * {@code ci.workflow.push-trigger}: does a push to the fork branch start the workflow, read as GitHub reads
 * {@code on:}? Branch filters are matched with GitHub's own pattern rules ({@link FilterPattern}), in order; a
 * filter GitHub would reject, or a pattern with no documented meaning, is never read as a match. A {@code paths:}
 * filter makes the answer depend on what the push changes ({@link PathsFilter}). This reads the workflow's own
 * trigger only; {@link CallerTrigger} follows the workflows that call it.
 */
final class PushTrigger {
  static final String ID = FactIds.CI_WORKFLOW_PUSH_TRIGGER.value();

  private PushTrigger() {}

  /** The {@code on:} node; "true" too, in case a YAML 1.1 reader made the key a boolean. */
  static Optional<Node> on(WorkflowFile wf) {
    return WorkflowFile.get(wf.root(), "on").or(() -> WorkflowFile.get(wf.root(), "true"));
  }

  /** The events named under {@code on:}, in any of its three forms (a name, a list, a mapping). */
  static Set<String> events(WorkflowFile wf) {
    Set<String> out = new LinkedHashSet<>();
    on(wf).ifPresent(trig -> {
      if (trig instanceof ScalarNode sc) {
        out.add(sc.getValue());
      }
      WorkflowFile.items(trig).forEach(n -> out.add(WorkflowFile.scalar(n)));
      for (NodeTuple t : WorkflowFile.entries(trig)) {
        out.add(WorkflowFile.scalar(t.getKeyNode()));
      }
    });
    return out;
  }

  static Fact fact(WorkflowFile wf, String branch, Supplier<WatchedFiles> watched, Evidence show) {
    Optional<Node> on = on(wf);
    if (on.isEmpty()) {
      return fail(ID, Phrase.of("no ").then(NAME, "on:").then(" triggers in " + wf.path()), show);
    }
    Node trig = on.get();
    boolean pr = false;
    Node push = null;
    if (trig instanceof ScalarNode sc) {
      push = sc.getValue().equals("push") ? sc : null;
    } else if (!WorkflowFile.items(trig).isEmpty()) {
      for (Node n : WorkflowFile.items(trig)) {
        push = WorkflowFile.scalar(n).equals("push") ? n : push;
        pr |= WorkflowFile.scalar(n).equals("pull_request");
      }
    } else {
      push = WorkflowFile.keyNode(trig, "push").orElse(null);
      pr = WorkflowFile.get(trig, "pull_request").isPresent();
    }
    if (push == null) {
      return fail(ID, Phrase.of("pushes do not trigger " + wf.path() + " (" + wf.at(trig) + ")"), show);
    }
    String also = pr ? "; pull requests too" : "";
    Node filters = WorkflowFile.get(trig, "push").orElse(null);
    Optional<Node> branches = filters == null ? Optional.empty() : WorkflowFile.get(filters, "branches");
    Optional<Node> ignored = filters == null ? Optional.empty() : WorkflowFile.get(filters, "branches-ignore");
    if (branches.isPresent() && ignored.isPresent()) {
      return fail(ID, Phrase.of("the push trigger has both ").then(NAME, "branches").then(" and ")
          .then(NAME, "branches-ignore").then(" (" + wf.at(branches.get()) + ", " + wf.at(ignored.get())
          + "); GitHub does not allow both for one event and rejects the workflow"), show);
    }
    if (branches.isEmpty() && ignored.isEmpty() && filters != null
        && (WorkflowFile.get(filters, "tags").isPresent() || WorkflowFile.get(filters, "tags-ignore").isPresent())) {
      return fail(ID, Phrase.of("the push trigger filters only tags (" + wf.at(filters) + "): with no branch "
          + "filter, GitHub runs it for tag pushes only"), show);
    }
    if (branch == null) {
      return new Fact(FactId.of(ID), Status.UNKNOWN, Value.none(), "pushes trigger it (" + wf.at(push) + ")",
          "no fork branch to check the branch filter against", List.of(show));
    }
    Node list = branches.or(() -> ignored).orElse(null);
    if (list == null) {
      return pass(wf, wf.at(push), branch, also, filters, watched, show);
    }
    String key = branches.isPresent() ? "branches" : "branches-ignore";
    List<FilterPattern> patterns;
    try {
      patterns = compile(list);
    } catch (FilterPattern.Malformed e) {
      Phrase why = Phrase.of("cannot tell whether ").then(BRANCH, branch).then(" passes the push trigger's ")
          .then(NAME, key).then(" (" + wf.at(list) + "): ").then(e.phrase());
      return new Fact(FactId.of(ID), Status.UNKNOWN, Value.none(), Phrase.of("pushes trigger it (" + wf.at(push)
          + ")"), why, List.of(show));
    }
    boolean matched = FilterPattern.selects(patterns, branch);
    if (ignored.isPresent()) {
      return matched
          ? fail(ID, Phrase.of(NAME, "branches-ignore").then(" excludes ").then(BRANCH, branch)
              .then(" (" + wf.at(list) + ")"), show)
          : pass(wf, wf.at(push), branch, also, filters, watched, show);
    }
    if (!matched && !patterns.isEmpty() && patterns.stream().allMatch(FilterPattern::negated)) {
      return fail(ID, Phrase.of("the push trigger's branches list only ").then(CODE, "!").then(" patterns ("
          + wf.at(list) + "), which include nothing; GitHub needs a positive pattern first, or ")
          .then(NAME, "branches-ignore"), show);
    }
    if (!matched) {
      return fail(ID, Phrase.of("the push trigger's branches do not include ").then(BRANCH, branch)
          .then(" (" + wf.at(list) + ")"), show);
    }
    return pass(wf, wf.at(list), branch, also, filters, watched, show);
  }

  static List<FilterPattern> compile(Node list) throws FilterPattern.Malformed {
    List<Node> items = list instanceof ScalarNode ? List.of(list) : WorkflowFile.items(list);
    if (!(list instanceof ScalarNode) && items.isEmpty() && !WorkflowFile.entries(list).isEmpty()) {
      throw new FilterPattern.Malformed("(a mapping)", "a branch filter is a list of patterns");
    }
    List<FilterPattern> out = new ArrayList<>();
    for (Node n : items) {
      if (!(n instanceof ScalarNode s)) {
        throw new FilterPattern.Malformed("(a nested list or mapping)", "each entry must be one pattern");
      }
      out.add(FilterPattern.compile(s.getValue()));
    }
    return out;
  }

  /** The branch passes the filters; a paths filter may still keep some pushes from starting the workflow. */
  private static Fact pass(WorkflowFile wf, String where, String branch, String also, Node filters,
      Supplier<WatchedFiles> watched, Evidence show) {
    Phrase pushes = Phrase.of("pushes to ").then(BRANCH, branch).then(" trigger it (" + where + ")");
    Optional<PathsFilter.Reading> paths = PathsFilter.read(wf, filters, watched);
    if (paths.isEmpty()) {
      return Fact.of(ID, Status.PASS, new Value.Text(where), pushes.then(also), show);
    }
    PathsFilter.Reading r = paths.get();
    List<Evidence> ev = new ArrayList<>(List.of(show));
    ev.addAll(r.evidence());
    return switch (r.status()) {
      case FAIL -> new Fact(FactId.of(ID), Status.FAIL, Value.none(), r.detail(), r.detail(), ev);
      case UNKNOWN -> new Fact(FactId.of(ID), Status.UNKNOWN, Value.none(), pushes, r.detail(), ev);
      case PASS -> new Fact(FactId.of(ID), Status.PASS, new Value.Text(where), pushes.then(" ").then(r.limit()).then(", ")
          .then(r.detail()).then(also), Phrase.empty(), ev);
      default -> new Fact(FactId.of(ID), Status.WARN, new Value.Text(where), pushes.then(" ").then(r.limit()).then("; ")
          .then(r.detail()).then(also), Phrase.of("a push that changes only files the ").then(NAME, "paths")
          .then(" filter leaves out does not run the workflow, so a green run says nothing about it"), ev);
    };
  }
}
