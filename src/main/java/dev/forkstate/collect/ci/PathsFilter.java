package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What a {@code paths:} or {@code paths-ignore:} filter on the push trigger does to "pushes trigger it": only a push
 * that changes a file the filter lets through starts the workflow. Such a filter is PASS only when every file the
 * fork's green run must vouch for ({@link WatchedFiles}) would start it; WARN, naming a file that would not; FAIL
 * when none of them would (then no push the report cares about runs the workflow at all).
 */
final class PathsFilter {
  /**
   * @param status PASS, WARN, FAIL (GitHub rejects the filter) or UNKNOWN (a pattern with no documented meaning)
   * @param limit  what the filter allows, with its line: "only when they touch: `src/**`, `tests/**` (ci.yml:5)"
   * @param detail why that is or is not enough
   */
  record Reading(Status status, Phrase limit, Phrase detail, List<Evidence> evidence) {
    Reading {
      evidence = List.copyOf(evidence);
    }
  }

  private PathsFilter() {}

  /** Empty when the push trigger filters no paths; {@code filters} is the {@code on.push} mapping, or null. */
  static Optional<Reading> read(WorkflowFile wf, Node filters, Supplier<WatchedFiles> watched) {
    Optional<Node> paths = filters == null ? Optional.empty() : WorkflowFile.get(filters, "paths");
    Optional<Node> ignore = filters == null ? Optional.empty() : WorkflowFile.get(filters, "paths-ignore");
    if (paths.isEmpty() && ignore.isEmpty()) {
      return Optional.empty();
    }
    if (paths.isPresent() && ignore.isPresent()) {
      return Optional.of(new Reading(Status.FAIL, Phrase.empty(), Phrase.of("the push trigger has both ").then(NAME, "paths")
          .then(" and ").then(NAME, "paths-ignore").then(" (" + wf.at(paths.get()) + ", " + wf.at(ignore.get())
          + "); GitHub does not allow both for one event and rejects the workflow"), List.of()));
    }
    boolean ignoring = ignore.isPresent();
    Node list = ignore.orElseGet(paths::get);
    List<FilterPattern> patterns;
    try {
      patterns = PushTrigger.compile(list);
    } catch (FilterPattern.Malformed e) {
      return Optional.of(new Reading(Status.UNKNOWN, Phrase.empty(), Phrase.of("cannot tell which pushes trigger it: the push "
          + "trigger's ").then(NAME, ignoring ? "paths-ignore" : "paths").then(" (" + wf.at(list) + "): ")
          .then(e.phrase()), List.of()));
    }
    // The patterns are items: a glob's * and ** show as written.
    Phrase limit = Phrase.of(ignoring ? "unless they touch only: " : "only when they touch: ")
        .then(Phrase.items(CODE, patterns.stream().map(FilterPattern::source).toList(), ", "))
        .then(" (" + wf.at(list) + ")");
    WatchedFiles w = watched.get();
    if (!w.problem().isEmpty()) {
      return Optional.of(new Reading(Status.WARN, limit, Phrase.of("forkstate could not check that this covers "
          + "the smoke paths and the package: " + w.problem()), w.evidence()));
    }
    List<String> missed = new ArrayList<>();
    for (String f : w.files()) {
      if (FilterPattern.selects(patterns, f) == ignoring) {
        missed.add(f);
      }
    }
    if (!missed.isEmpty() && missed.size() == w.files().size()) {
      // paths-ignore: ['**'] (a real fork's "weekly" workflow: push listed, yet never run by one): no push that
      // changes the smokes or the package starts it, so "pushes trigger it" would be false.
      return Optional.of(new Reading(Status.FAIL, limit, Phrase.of("pushes do not run it: its ")
          .then(NAME, ignoring ? "paths-ignore" : "paths").then(" filter ").then(Phrase.items(CODE, patterns.stream()
              .map(FilterPattern::source).toList(), ", ")).then(" (" + wf.at(list) + ") leaves out every one of the "
              + w.files().size() + " tracked files in " + String.join(", ", w.areas())), w.evidence()));
    }
    if (!missed.isEmpty()) {
      return Optional.of(new Reading(Status.WARN, limit, Phrase.of("a push that changes only ")
          .then(PATH, missed.get(0)).then(" does not run it (" + missed.size() + " of the " + w.files().size()
          + " tracked files in " + String.join(", ", w.areas()) + " are outside the filter)"), w.evidence()));
    }
    return Optional.of(new Reading(Status.PASS, limit, Phrase.of("which covers the smoke paths and the package: "
        + String.join(", ", w.areas()) + " (" + w.files().size() + " tracked files)"), w.evidence()));
  }
}
