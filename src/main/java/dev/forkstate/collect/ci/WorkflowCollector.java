package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.PATH;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.collect.smoke.SmokeCommand;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Step 2 of the seed, without the network: is the workflow wired? Reads the workflow file and says, each with the
 * file:line it came from, whether pushes to the fork branch trigger it, whether it runs the smokes, whether it has
 * a job for the required Python version, whether the test paths it names are committed, and which jobs may fail or
 * be skipped without failing the run. The trigger ({@link PushTrigger}) and the smoke step ({@link SmokeWiring}) are
 * read as GitHub reads them: filter patterns, {@code if:} and {@code continue-on-error} included. A reusable
 * workflow is judged through the workflows in {@code .github/workflows} that call it ({@link CallerTrigger},
 * {@link WorkflowInputs}).
 */
public final class WorkflowCollector implements Collector {
  static final List<String> IDS = java.util.stream.Stream.of(FactIds.CI_WORKFLOW_CONDITIONAL_JOBS,
      FactIds.CI_WORKFLOW_FILE, FactIds.CI_WORKFLOW_PYTHON, FactIds.CI_WORKFLOW_PUSH_TRIGGER,
      FactIds.CI_WORKFLOW_RUNS_SMOKES, FactIds.CI_WORKFLOW_TEST_PATHS).map(FactId::value).toList();

  @Override
  public String name() {
    return "ci-workflow";
  }

  @Override
  public List<String> failureIds() {
    return IDS;
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    Settings s = ctx.settings();
    if (!s.ciWorkflow().isSet()) {
      return IDS.stream().map(id -> Fact.skipped(id, "no CI workflow configured or detected: "
          + s.ciWorkflow().source())).toList();
    }
    String path = s.ciWorkflow().value();
    Evidence show = Evidence.ofCommand("cat " + ShellQuote.quote(path));
    WorkflowFile wf;
    try {
      wf = WorkflowFile.read(ctx.repo(), path);
    } catch (WorkflowFile.Unreadable e) {
      List<Fact> out = new ArrayList<>();
      out.add(new Fact(FactIds.CI_WORKFLOW_FILE, Status.FAIL, Value.none(), e.getMessage(), e.getMessage(),
          List.of(show)));
      IDS.stream().filter(id -> !id.equals(FactIds.CI_WORKFLOW_FILE.value()))
          .forEach(id -> out.add(Fact.unknown(id, "the workflow file could not be read", show)));
      return out;
    }
    List<Fact> out = new ArrayList<>();
    out.add(Fact.of(FactIds.CI_WORKFLOW_FILE, Status.PASS, new Value.Text(path), Phrase.of(PATH, path).then(" parses"),
        show));
    WorkflowSet set = WorkflowSet.read(ctx.repo());
    List<String> smokes = s.smokes().stream().map(Settings.Smoke::command).toList();
    out.add(CallerTrigger.fact(wf, set, s.forkBranch().value(), watched(ctx, smokes), show));
    List<RunStep> runs = RunStep.all(wf);
    out.add(SmokeWiring.fact(wf, runs, smokes, s.forkBranch().value(), show));
    out.add(RequiredPython.fact(wf, set.callersOf(path), s.ciJob().value(), show));
    out.add(testPaths(ctx, runs, show));
    out.add(conditional(wf, show));
    return out;
  }

  /** "3.12" matches "3.12", "3.12.4", "python:3.12-slim", not "3.1" or "3.120". */
  static boolean mentionsVersion(String text, String version) {
    return text.matches(".*(?<![0-9.])" + java.util.regex.Pattern.quote(version) + "(?![0-9]).*");
  }

  /**
   * The files a {@code paths:} filter must let through, listed only if a filter is met (one git call): tracked files
   * under the smoke paths, and the package's Python files.
   */
  private static Supplier<WatchedFiles> watched(CollectContext ctx, List<String> smokes) {
    return new Supplier<>() {
      private WatchedFiles memo;

      @Override
      public synchronized WatchedFiles get() {
        if (memo == null) {
          List<String> paths = smokes.stream().flatMap(c -> SmokeCommand.parse(c).testPaths().stream()).distinct()
              .toList();
          CommandResult r = ctx.git().run(List.of("ls-files", "-z"), "git ls-files");
          String bad = GitCli.unreadable(r, "git ls-files failed: ");
          memo = bad.isEmpty() ? WatchedFiles.of(Arrays.stream(r.stdout().split("\0")).filter(f -> !f.isEmpty())
              .toList(), paths, r.evidence()) : WatchedFiles.unreadable(bad, r.evidence());
        }
        return memo;
      }
    };
  }

  private static Fact testPaths(CollectContext ctx, List<RunStep> runs, Evidence show) {
    String id = FactIds.CI_WORKFLOW_TEST_PATHS.value();
    TreeSet<String> paths = new TreeSet<>();
    for (RunStep r : runs) {
      for (String line : r.executed().split("\n")) {
        paths.addAll(SmokeCommand.parse(line).testPaths());
      }
    }
    if (paths.isEmpty()) {
      return new Fact(FactId.of(id), Status.SKIPPED, Value.none(), "", "the workflow names no pytest paths",
          List.of(show));
    }
    List<String> missing = new ArrayList<>();
    List<Evidence> ev = new ArrayList<>();
    ReferenceCollector.classify(ctx, "ci", paths).forEach((p, f) -> {
      ev.addAll(f.evidence());
      if (!ReferenceCollector.isAtHead(f)) {
        missing.add(p);
      }
    });
    if (!missing.isEmpty()) {
      return new Fact(FactId.of(id), Status.FAIL, new Value.Paths(missing), "the workflow tests paths not committed "
          + "at HEAD: " + String.join(", ", missing), "CI would collect no tests there", ev);
    }
    return new Fact(FactId.of(id), Status.PASS, new Value.Paths(List.copyOf(paths)), "test paths it names are "
        + "committed: " + String.join(", ", paths), "", ev);
  }

  private static Fact conditional(WorkflowFile wf, Evidence show) {
    String id = FactIds.CI_WORKFLOW_CONDITIONAL_JOBS.value();
    List<Phrase> notes = new ArrayList<>();
    for (NodeTuple job : WorkflowFile.entries(WorkflowFile.get(wf.root(), "jobs").orElse(null))) {
      String jobId = WorkflowFile.scalar(job.getKeyNode());
      Node body = job.getValueNode();
      WorkflowFile.get(body, "continue-on-error").filter(n -> !WorkflowFile.scalar(n).equals("false"))
          .ifPresent(n -> notes.add(Phrase.of(jobId + ": continue-on-error (" + wf.at(n) + ")")));
      WorkflowFile.get(body, "if").ifPresent(n -> notes.add(Phrase.of(jobId + ": runs only if ")
          .then(CODE, WorkflowFile.scalar(n)).then(" (" + wf.at(n) + ")")));
      for (Node step : WorkflowFile.items(WorkflowFile.get(body, "steps").orElse(null))) {
        WorkflowFile.get(step, "continue-on-error").filter(n -> !WorkflowFile.scalar(n).equals("false"))
            .ifPresent(n -> notes.add(Phrase.of(jobId + ": a step may fail silently (" + wf.at(n) + ")")));
      }
    }
    if (notes.isEmpty()) {
      return Fact.of(id, Status.PASS, new Value.Items(List.of()), "no job may fail or be skipped silently", show);
    }
    return new Fact(FactId.of(id), Status.WARN, new Value.Items(notes), Phrase.join(notes, "; "),
        Phrase.of("a green run may not have run these"), List.of(show));
  }

  static Fact fail(String id, Phrase why, Evidence show) {
    return new Fact(FactId.of(id), Status.FAIL, Value.none(), why, why, List.of(show));
  }

}
