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
    int runs = ctx.settings().happyPath().runs();
    List<Fact> facts = new ArrayList<>();
    List<List<Fact>> allRuns = new ArrayList<>();
    for (Settings.Smoke smoke : smokes) {
      List<Fact> results = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        results.add(runOne(ctx, smoke));
      }
      // The worst run speaks for the smoke: a suite that passed once and failed once is not green.
      facts.add(results.stream().reduce((a, b) -> rank(b.status()) > rank(a.status()) ? b : a).orElseThrow());
      allRuns.add(results);
    }
    facts.add(Determinism.judge(smokes, allRuns, runs));
    return facts;
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
    SmokeCommand cmd = SmokeCommand.parse(smoke.command());
    Path tmp;
    try {
      tmp = Files.createTempDirectory("forkstate-smoke");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path junit = cmd.pytest() ? tmp.resolve("junit.xml")
          : smoke.junitXml() == null ? null : ctx.repo().resolve(smoke.junitXml());
      Map<String, String> env = new HashMap<>();
      if (cmd.pytest()) {
        String existing = ctx.runner().baseEnv().getOrDefault("PYTEST_ADDOPTS", "");
        env.put("PYTEST_ADDOPTS", (existing + " --junitxml=" + junit + " -p no:cacheprovider").strip());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
      }
      FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 1000);
      CommandResult r = ctx.runner().run(CommandSpec.shell(smoke.command(), ctx.repo(), env, smoke.timeout()));
      return judge(ctx, smoke, cmd, r, junit, started);
    } finally {
      ScratchDir.deleteQuietly(tmp);
    }
  }

  /** Programs whose absence is the machine's, not the fork's. */
  private static final java.util.Set<String> MACHINE_PROGRAMS = java.util.Set.of("pytest", "py.test", "python",
      "python3", "uv", "poetry", "pipenv", "pdm", "hatch", "tox", "nox");

  /** Whether the JUnit report (if any) shows a test that ran and failed: that is the fork's, whatever else broke. */
  private static boolean realFailures(Path junit, Path repo) {
    try {
      return junit != null && Files.exists(junit) && JunitReport.read(junit, repo).failed() > 0;
    } catch (JunitReport.Unreadable e) {
      return false;
    }
  }

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
      FileTime started) {
    FactId id = factId(smoke);
    Evidence ev = r.evidence(1200);
    if (r.timedOut()) {
      return fail(id, Value.none(), "timed out after " + smoke.timeout().toSeconds()
          + "s; killed with its child processes", ev);
    }
    if (!r.started()) {
      return fail(id, Value.none(), r.startError(), ev);
    }
    int exit = r.exitCode() == null ? -1 : r.exitCode();
    if (exit == 127) {
      // pytest or python missing says nothing about the fork; another missing program is the command's own.
      String missing = notFound(r.stderr());
      return MACHINE_PROGRAMS.contains(missing)
          ? new Fact(id, Status.UNKNOWN, Value.none(), "not run: " + missing + " is not installed here",
              "command not found: " + r.firstErrorLine() + "; install it (e.g. pip install pytest) and rerun",
              List.of(ev))
          : fail(id, Value.none(), "command not found: " + r.firstErrorLine(), ev);
    }
    if (exit != 0 && cmd.pytest()) {
      MissingModules.Found found = MissingModules.in(r.stdout() + "\n" + r.stderr(), ctx.repo(),
          () -> new DeclarationReader(ctx.repo(), ctx.git(), ctx.runner()).read());
      if (!realFailures(junit, ctx.repo())) {
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
      switch (exit) {
        case 5 -> {
          return fail(id, Value.none(), "pytest collected no tests (exit 5)", ev);
        }
        case 4 -> {
          return fail(id, Value.none(), "pytest usage error or path not found (exit 4): " + PytestOutput.reason(r), ev);
        }
        case 3 -> {
          return fail(id, Value.none(), "pytest internal error (exit 3): " + PytestOutput.reason(r), ev);
        }
        case 2 -> {
          return fail(id, Value.none(), "pytest was interrupted, often by a collection error (exit 2): "
              + PytestOutput.reason(r), ev);
        }
        default -> { }
      }
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
        throw new JunitReport.Unreadable("no JUnit XML report at " + (cmd.pytest() ? "pytest's --junitxml path"
            : smoke.junitXml()), null);
      }
      if (!cmd.pytest() && Files.getLastModifiedTime(junit).compareTo(started) < 0) {
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
    String counts = tests.passed() + " passed, " + tests.failed() + " failed, " + tests.errors() + " errors, "
        + tests.skipped() + " skipped";
    if (tests.failed() > 0 || tests.errors() > 0 || exit != 0) {
      return new Fact(id, Status.FAIL, tests, counts, exit != 0 && tests.failed() + tests.errors() == 0
          ? "exit " + exit + " although no test failed: " + r.firstErrorLine() : "", List.of(ev));
    }
    if (tests.passed() == 0) {
      return new Fact(id, Status.FAIL, tests, counts, "no test ran", List.of(ev));
    }
    if (cmd.runs() > 1) {
      // Every pytest run writes the same --junitxml file: what is left is the last run's report only, so a failing
      // earlier run can hide behind a green last one (with ';' the shell's exit is the last run's too).
      return new Fact(id, Status.UNKNOWN, tests, counts, "the command runs pytest more than once and "
          + "only the last run's results can be read: give each pytest run its own smoke in forkstate.yml",
          List.of(ev));
    }
    return new Fact(id, Status.PASS, tests, counts, "", List.of(ev));
  }

  private static Fact fail(FactId id, Value value, String reason, Evidence ev) {
    return new Fact(id, Status.FAIL, value, reason, reason, List.of(ev));
  }
}
