package dev.forkstate.collect.smoke;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.ScratchDir;
import dev.forkstate.collect.python.DeclarationReader;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each configured smoke command with its timeout and judges it strictly: PASS only when the command exits 0,
 * at least one test ran and none failed or errored. For pytest, per-test outcomes come from a JUnit XML report
 * written to a temp file; pytest's cache and bytecode writes are switched off so a run leaves the tree as it was.
 */
public final class SmokeCollector implements Collector {
  @Override
  public String name() {
    return "smokes";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.SMOKE_COLLECTOR, Determinism.ID));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    List<Settings.Smoke> smokes = ctx.settings().smokes();
    if (smokes.isEmpty()) {
      return List.of(Fact.unknown(FactIds.SMOKE_NONE, "no smoke command configured or detected (no tests/smoke or "
          + "tests/ folder with Python files): add smokes to forkstate.yml"),
          Fact.unknown(Determinism.ID, "no smokes to run"));
    }
    Settings.HappyPath hp = ctx.settings().happyPath();
    Interpreter py = Interpreter.find(ctx.repo(), ctx.runner());
    List<Fact> facts = new ArrayList<>();
    List<List<Fact>> allRuns = new ArrayList<>();
    List<String> notRepeated = new ArrayList<>();
    for (Settings.Smoke smoke : smokes) {
      SmokeRun first = runOne(ctx, smoke, py);
      List<SmokeRun> runs = new ArrayList<>(List.of(first));
      String once = Repeats.whyOnce(hp, first.fact(), first.took());
      for (int i = 1; once.isEmpty() && i < Repeats.runs(hp); i++) {
        runs.add(runOne(ctx, smoke, py));
      }
      // The worst run speaks for the smoke: a suite that passed once and failed once is not green.
      SmokeRun worst = runs.stream().reduce((a, b) -> rank(b.fact().status()) > rank(a.fact().status()) ? b : a)
          .orElseThrow();
      // A failure upstream's code shares is not the fork's: its failing tests run once more at the merge-base.
      facts.add(MergeBaseRun.compare(ctx, smoke, py, worst, this::runOne));
      allRuns.add(runs.stream().map(SmokeRun::fact).toList());
      notRepeated.add(once);
    }
    facts.add(Determinism.judge(smokes, allRuns, hp, notRepeated));
    return HalfMergedTree.mark(facts, dev.forkstate.collect.git.UnfinishedOperation.inTree(ctx.git()));
  }

  /** PASS < WARN < SKIPPED < UNKNOWN < FAIL: how much a run's status weighs against the smoke. */
  private static int rank(Status s) {
    return switch (s) {
      case PASS, INFO -> 0;
      case WARN -> 1;
      case SKIPPED -> 2;
      case UNKNOWN -> 3;
      case FAIL -> 4;
    };
  }

  static FactId factId(Settings.Smoke smoke) {
    return FactIds.smoke(smoke.name());
  }

  /** Runs one smoke step and judges it: also used by `verify` to check a claimed "green". */
  public Fact runOne(CollectContext ctx, Settings.Smoke smoke) {
    return runOne(ctx, smoke, Interpreter.find(ctx.repo(), ctx.runner())).fact();
  }

  /**
   * A smoke's fact, how long its command took (what decides whether a repeat is cheap), and the tests its pytest
   * runs reported (null when none could be read), also when the fact holds no counts (a run ended by a collection
   * error): what the merge-base comparison compares.
   */
  record SmokeRun(Fact fact, java.time.Duration took, Value.Tests counted) {}

  /** Runs one smoke step with the given interpreter first on PATH; each pytest run writes its own report. */
  SmokeRun runOne(CollectContext ctx, Settings.Smoke smoke, Interpreter py) {
    return runOne(ctx, smoke, py, Map.of());
  }

  /** As above, with {@code extra} variables on top of the interpreter's (the merge-base run's code first). */
  SmokeRun runOne(CollectContext ctx, Settings.Smoke smoke, Interpreter py, Map<String, String> extra) {
    SmokeCommand cmd = SmokeCommand.parse(smoke.command());
    Path tmp;
    try {
      tmp = ScratchDir.create("forkstate-smoke");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path junit = cmd.pytest() || smoke.junitXml() == null ? null : ctx.repo().resolve(smoke.junitXml());
      Map<String, String> base = ctx.runner().baseEnv();
      Map<String, String> env = new HashMap<>(py.env(base));
      env.putAll(extra);
      PytestRuns runs = null;
      if (cmd.pytest()) {
        Map<String, String> merged = new HashMap<>(base);
        merged.putAll(env);
        runs = PytestRuns.prepare(tmp, SmokeCommand.programs(smoke.command()));
        env.putAll(runs.env(merged));
      }
      FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 1000);
      CommandResult r = ctx.runner().run(CommandSpec.shell(smoke.command(), ctx.repo(), env, smoke.timeout()));
      RunResults results = runs == null ? null : RunResults.read(runs.read(), ctx.repo());
      Fact f = judge(ctx, smoke, cmd, r, junit, results, started, py);
      return new SmokeRun(InterpreterNote.add(f, py, cmd, ctx.repo()), r.duration(),
          f.value() instanceof Value.Tests t ? t : results == null ? null : results.tests());
    } finally {
      ScratchDir.deleteQuietly(tmp);
    }
  }

  /** Programs whose absence is the machine's, not the fork's. */
  private static final java.util.Set<String> MACHINE_PROGRAMS = java.util.Set.of("pytest", "py.test", "python",
      "python3", "uv", "poetry", "pipenv", "pdm", "hatch", "tox", "nox");

  private static final java.util.regex.Pattern NOT_FOUND = java.util.regex.Pattern.compile(
      "([^\\s:]+): (?:command )?not found");

  /** The program a shell (bash, dash, a pyenv shim) says it could not find, by its base name; empty if none. */
  static String notFound(String stderr) {
    java.util.regex.Matcher m = NOT_FOUND.matcher(stderr);
    String last = "";
    while (m.find()) {
      last = m.group(1);
    }
    return last.substring(last.lastIndexOf('/') + 1);
  }

  private static Fact judge(CollectContext ctx, Settings.Smoke smoke, SmokeCommand cmd, CommandResult r, Path junit,
      RunResults results, FileTime started, Interpreter py) {
    FactId id = factId(smoke);
    Evidence ev = r.evidence(1200);
    if (r.timedOut()) {
      return fail(id, Value.none(), "timed out after " + smoke.timeout().toSeconds()
          + "s; killed with its child processes", ev);
    }
    if (!r.started()) {
      return fail(id, Value.none(), r.startError(), ev);
    }
    int shellExit = r.exitCode() == null ? -1 : r.exitCode();
    if (shellExit == 127) {
      // pytest or python missing says nothing about the fork; another missing program is the command's own.
      String missing = notFound(r.stderr());
      return MACHINE_PROGRAMS.contains(missing)
          ? new Fact(id, Status.UNKNOWN, Value.none(), "not run: " + missing + " is not installed here"
              + (py.binDir() == null ? "" : " (" + py.source() + ")"),
              "command not found: " + r.firstErrorLine() + "; install it (e.g. pip install pytest) and rerun",
              List.of(ev))
          : fail(id, Value.none(), "command not found: " + r.firstErrorLine(), ev);
    }
    String pyenv = PyenvMessage.versionNotInstalled(r.stderr());
    if (shellExit != 0 && !pyenv.isEmpty() && (results == null || results.runs().isEmpty())) {
      return new Fact(id, Status.UNKNOWN, Value.none(), "not run: the Python version the repository names is not "
          + "installed here", pyenv + "; install it (pyenv install) or change .python-version, and rerun",
          List.of(ev));
    }
    if (results != null && PytestRuns.pluginFailed(r.stdout() + "\n" + r.stderr())) {
      return new Fact(id, Status.UNKNOWN, Value.none(), "not measured: forkstate's result plugin did not load",
          "pytest could not import forkstate's result plugin (" + RunPlugin.MODULE + "), so no run's results "
          + "could be read: " + r.firstErrorLine(), List.of(ev));
    }
    // The first failing pytest run speaks for the command: "pytest a; pytest b" and "|| true" hide it from the shell.
    int exit = results == null ? shellExit : results.effectiveExit(shellExit);
    String which = results == null ? "" : results.exitSource(shellExit);
    if (exit != 0 && cmd.pytest()) {
      MissingModules.Found found = MissingModules.in(r.stdout() + "\n" + r.stderr(), ctx.repo(),
          () -> new DeclarationReader(ctx.repo(), ctx.git(), ctx.runner(), ctx.pool()).read());
      if (!results.realFailures()) {
        if (!found.own().isEmpty()) {
          // A module of the fork's own package is missing: the fork's fault, whatever else is not installed.
          return fail(id, Value.none(), "the fork's own module is missing: " + found.ownError(), ev);
        }
        if (!found.notInstalled().isEmpty()) {
          return new Fact(id, Status.UNKNOWN, Value.none(), found.summary(), found.reason(),
              List.of(ev, Evidence.ofCommand(found.declarationsCommand())));
        }
      }
    }
    if (cmd.pytest()) {
      String exited = PytestExit.describe(exit);
      if (!exited.isEmpty()) {
        return fail(id, Value.none(), which + exited + (exit == 5 ? "" : ": " + PytestOutput.reason(r)), ev);
      }
      return counted(id, cmd, results, exit, which, r, ev);
    }
    if (junit == null) {
      if (exit != 0) {
        return fail(id, Value.none(), "exit " + exit + ": " + r.firstErrorLine(), ev);
      }
      // Exit 0 of a command whose tests nobody counted proves no test ran: not measured, never a pass.
      return new Fact(id, Status.UNKNOWN, Value.none(), "exit 0, tests not counted",
          "forkstate cannot count tests for this command; set junit_xml to the JUnit XML report it writes",
          List.of(ev));
    }
    Value.Tests tests;
    try {
      if (!Files.exists(junit)) {
        throw new JunitReport.Unreadable("no JUnit XML report at " + smoke.junitXml(), null);
      }
      if (Files.getLastModifiedTime(junit).compareTo(started) < 0) {
        throw new JunitReport.Unreadable(smoke.junitXml() + " is older than this run: it was not written by it",
            null);
      }
      tests = JunitReport.read(junit, ctx.repo());
    } catch (JunitReport.Unreadable | IOException e) {
      if (exit != 0) {
        return fail(id, Value.none(), "exit " + exit + " and " + e.getMessage(), ev);
      }
      return new Fact(id, Status.UNKNOWN, Value.none(), "exit 0, results unreadable",
          e.getMessage() + "; cannot tell whether any test ran", List.of(ev));
    }
    return byCounts(id, tests, exit, "", r, ev);
  }

  /** A pytest smoke judged from the sum of its runs' reports; a run without one leaves the counts unknown. */
  private static Fact counted(FactId id, SmokeCommand cmd, RunResults results, int exit, String which,
      CommandResult r, Evidence ev) {
    if (results.runs().isEmpty()) {
      return exit != 0 ? fail(id, Value.none(), "exit " + exit + " and no pytest run reported results: "
          + r.firstErrorLine(), ev)
          : new Fact(id, Status.UNKNOWN, Value.none(), "exit 0, results unreadable", "no pytest run reported "
          + "results, so no test can be counted", List.of(ev));
    }
    if (!results.unread().isEmpty() && (results.tests() == null
        || results.tests().failed() + results.tests().errors() == 0)) {
      if (exit != 0) {
        return fail(id, Value.none(), which + "exit " + exit + " and " + results.unread(), ev);
      }
      // The counts of the other runs are not the smoke's: kept out of the value so no trend reads them as its.
      return new Fact(id, Status.UNKNOWN, Value.none(), "exit 0, results incomplete",
          results.unread() + "; cannot tell whether its tests passed", List.of(ev));
    }
    if (exit == 0 && !cmd.loops() && results.runs().size() < cmd.runs()) {
      return new Fact(id, Status.UNKNOWN, Value.none(), "exit 0, results incomplete", "the command holds "
          + cmd.runs() + " pytest runs and only " + results.runs().size() + " reported results", List.of(ev));
    }
    String failedRun = results.failing() == null || results.runs().size() < 2 ? ""
        : RunResults.label(results.failing(), results.runs().size()) + " failed: ";
    return byCounts(id, results.tests(), exit, failedRun.isEmpty() ? which : failedRun, r, ev);
  }

  /** PASS only when the command exited 0, at least one test ran and none failed or errored. */
  private static Fact byCounts(FactId id, Value.Tests tests, int exit, String which, CommandResult r, Evidence ev) {
    String counts = tests.passed() + " passed, " + tests.failed() + " failed, " + tests.errors() + " errors, "
        + tests.skipped() + " skipped";
    if (tests.failed() > 0 || tests.errors() > 0 || exit != 0) {
      String why = exit != 0 && tests.failed() + tests.errors() == 0
          ? "exit " + exit + " although no test failed: " + r.firstErrorLine() : "";
      return new Fact(id, Status.FAIL, tests, counts, which.isEmpty() ? why : which + (why.isEmpty()
          ? counts : why), List.of(ev));
    }
    if (tests.passed() == 0) {
      return new Fact(id, Status.FAIL, tests, counts, "no test ran", List.of(ev));
    }
    return new Fact(id, Status.PASS, tests, counts, "", List.of(ev));
  }

  private static Fact fail(FactId id, Value value, String reason, Evidence ev) {
    return new Fact(id, Status.FAIL, value, reason, reason, List.of(ev));
  }
}
