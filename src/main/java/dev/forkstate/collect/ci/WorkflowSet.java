package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.NAME;

import dev.forkstate.fact.Phrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The repository's workflows in {@code .github/workflows}, read once, so that a reusable workflow ({@code on:
 * workflow_call}) can be judged through the jobs that call it: GitHub runs it only as part of a caller's run.
 *
 * @param files      every workflow that parsed, sorted by path
 * @param unreadable "path: why" for each that did not; one of them might be a caller, so "no caller" is not
 *                   certain while this is non-empty
 */
record WorkflowSet(List<WorkflowFile> files, List<String> unreadable) {
  static final String DIR = ".github/workflows";

  /** A job that calls a workflow: {@code jobs.<job>.uses: ./.github/workflows/<file>}. */
  record CallingJob(WorkflowFile file, String job, Node body, Node uses) {
    Phrase describe() {
      return Phrase.of("job ").then(NAME, job).then(" of " + file.path() + " (" + file.at(uses) + ")");
    }
  }

  WorkflowSet {
    files = List.copyOf(files);
    unreadable = List.copyOf(unreadable);
  }

  static WorkflowSet read(Path repo) {
    Path dir = repo.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return new WorkflowSet(List.of(), List.of());
    }
    List<WorkflowFile> files = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    try (Stream<Path> listing = Files.list(dir)) {
      for (Path p : listing.sorted().toList()) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
          try {
            files.add(WorkflowFile.read(repo, DIR + "/" + name));
          } catch (WorkflowFile.Unreadable e) {
            unreadable.add(e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      unreadable.add("cannot list " + DIR + ": " + e.getMessage());
    }
    return new WorkflowSet(files, unreadable);
  }

  /** The jobs, in other workflows, whose {@code uses:} names {@code path} as a local workflow. */
  List<CallingJob> callersOf(String path) {
    String target = local(path);
    List<CallingJob> out = new ArrayList<>();
    for (WorkflowFile f : files) {
      if (local(f.path()).equals(target)) {
        continue; // GitHub rejects a workflow that calls itself
      }
      for (NodeTuple job : WorkflowFile.entries(WorkflowFile.get(f.root(), "jobs").orElse(null))) {
        Node body = job.getValueNode();
        WorkflowFile.get(body, "uses").filter(u -> isLocal(WorkflowFile.scalar(u))
            && local(WorkflowFile.scalar(u)).equals(target))
            .ifPresent(u -> out.add(new CallingJob(f, WorkflowFile.scalar(job.getKeyNode()), body, u)));
      }
    }
    return out;
  }

  /** A `uses:` of this repository's own file at the caller's commit, not one from another repository or ref. */
  static boolean isLocal(String uses) {
    return uses.strip().startsWith("./");
  }

  private static String local(String path) {
    String p = path.strip();
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }
}
