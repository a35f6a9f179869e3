package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.COMMAND;
import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;

import dev.forkstate.collect.shell.ShellLine;
import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A step or job that hands the testing to something forkstate does not read: a {@code run:} step whose command is
 * tox, nox or make; an action step whose inputs hold such a command (a retry wrapper, say); a step that uses a local
 * (composite) action; a job that calls a reusable workflow. It may run the smokes, so "no step runs them" would
 * blame the fork for forkstate's blind spot.
 *
 * @param step the step, or null for a job-level {@code uses:}
 * @param what what it delegates to and what forkstate does not read, with file:line
 */
record Delegation(String job, Node jobBody, Node step, Phrase what) {
  /** The file each tool reads its commands from, for saying what forkstate did not read. */
  private static final Map<String, String> TOOLS = Map.of("tox", "tox.ini", "nox", "noxfile.py", "make",
      "the Makefile", "gmake", "the Makefile");
  private static final Set<String> LEADING = Set.of("do", "then", "else", "!", "{", "(", "time", "exec", "command",
      "env", "nice", "nohup", "sudo");
  private static final Set<String> RUNNERS = Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye", "pipx");

  static List<Delegation> all(WorkflowFile wf) {
    List<Delegation> out = new ArrayList<>();
    for (NodeTuple job : WorkflowFile.entries(WorkflowFile.get(wf.root(), "jobs").orElse(null))) {
      String id = WorkflowFile.scalar(job.getKeyNode());
      Node body = job.getValueNode();
      WorkflowFile.get(body, "uses").ifPresent(u -> out.add(new Delegation(id, body, null, calls(wf, id, u))));
      for (Node step : WorkflowFile.items(WorkflowFile.get(body, "steps").orElse(null))) {
        step(wf, id, body, step).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<Delegation> step(WorkflowFile wf, String job, Node body, Node step) {
    Optional<Node> run = WorkflowFile.get(step, "run");
    if (run.isPresent()) {
      String script = WorkflowFile.scalar(run.get());
      return tool(ExecutedScript.of(script)).map(t -> new Delegation(job, body, step, Phrase.of("job ")
          .then(NAME, job).then(" runs ").then(COMMAND, t.command()).then(" (" + wf.at(run.get())
          + "), which delegates to " + t.tool() + "; forkstate does not read " + TOOLS.get(t.tool()))));
    }
    Optional<Node> uses = WorkflowFile.get(step, "uses");
    if (uses.isEmpty()) {
      return Optional.empty();
    }
    String action = WorkflowFile.scalar(uses.get());
    if (WorkflowSet.isLocal(action)) {
      return Optional.of(new Delegation(job, body, step, Phrase.of("job ").then(NAME, job)
          .then(" uses the local action ").then(PATH, action).then(" (" + wf.at(uses.get())
          + "), which forkstate does not follow")));
    }
    for (NodeTuple input : WorkflowFile.entries(WorkflowFile.get(step, "with").orElse(null))) {
      String value = WorkflowFile.scalar(input.getValueNode());
      Optional<Found> t = tool(ExecutedScript.of(value));
      if (t.isPresent()) {
        return Optional.of(new Delegation(job, body, step, Phrase.of("job ").then(NAME, job).then(" passes ")
            .then(COMMAND, t.get().command()).then(" to ").then(NAME, action).then(" (" + wf.at(input.getValueNode())
            + "), which delegates to " + t.get().tool() + "; forkstate does not read " + TOOLS.get(t.get().tool()))));
      }
    }
    return Optional.empty();
  }

  /** A job that calls a reusable workflow; a local one can be checked on its own by pointing the setting at it. */
  private static Phrase calls(WorkflowFile wf, String job, Node uses) {
    String target = WorkflowFile.scalar(uses);
    Phrase p = Phrase.of("job ").then(NAME, job).then(" calls ")
        .then(WorkflowSet.isLocal(target) ? PATH : NAME, target)
        .then(" (" + wf.at(uses) + "), which forkstate does not follow for this fact");
    return WorkflowSet.isLocal(target) ? p.then("; set ").then(NAME, "ci.workflow").then(" to it to check it") : p;
  }

  /** A delegating command: the tool and the command line as the shell split it. */
  record Found(String tool, String command) {}

  /** The first delegating tool a script runs, if any: its program after assignments, keywords and wrappers. */
  static Optional<Found> tool(String script) {
    for (ShellLine.SimpleCommand cmd : ShellLine.parse(script).commands()) {
      List<ShellLine.Word> words = cmd.words();
      int k = 0;
      while (k < words.size() && (words.get(k).text().matches("[A-Za-z_][A-Za-z0-9_]*=.*")
          || LEADING.contains(words.get(k).text()))) {
        k++;
      }
      if (k < words.size() && RUNNERS.contains(words.get(k).text())) {
        k += k + 1 < words.size() && words.get(k + 1).text().equals("run") ? 2 : 1;
      } else if (k < words.size() && words.get(k).text().equals("uvx")) {
        k++;
      } else if (k + 2 < words.size() && words.get(k).text().matches("(.*/)?python[0-9.]*")
          && words.get(k + 1).text().equals("-m")) {
        k += 2;
      }
      if (k < words.size() && !words.get(k).expanded()) {
        String program = words.get(k).text().replaceFirst("^.*/", "");
        if (TOOLS.containsKey(program)) {
          return Optional.of(new Found(program, String.join(" ", words.stream().map(ShellLine.Word::text).toList())));
        }
      }
    }
    return Optional.empty();
  }
}
