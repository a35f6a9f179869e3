package dev.forkstate.collect.smoke;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.ScratchDir;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a failing smoke once more on upstream's code, in a temporary detached worktree at the merge-base, with the
 * same command, timeout and interpreter. Why: a failure that upstream's own code shares (a Python too new for it,
 * upstream broken) is not the fork's, and a red that blames the fork for it is a false red. Only the failing tests
 * are compared, and only those the merge-base run ran: a test absent or skipped there is named, never guessed.
 * The worktree is removed (and git's record of it pruned) on every way out.
 */
final class MergeBaseRun {
  private MergeBaseRun() {}

  /** Runs the smoke at the merge-base of a failing run: its contents again; the worktree is gone afterwards. */
  interface Runner {
    SmokeCollector.SmokeRun run(CollectContext ctx, Settings.Smoke smoke, Interpreter py,
        Map<String, String> extraEnv);
  }

  /** The fact with what its failing tests do at the merge-base; unchanged when it has none or there is no upstream. */
  static Fact compare(CollectContext ctx, Settings.Smoke smoke, Interpreter py, SmokeCollector.SmokeRun run,
      Runner runner) {
    Fact fact = run.fact();
    // A run pytest ended early (a collection error) holds no counts in its fact, but its report names the errors.
    Value.Tests tests = run.counted();
    if (fact.status() != Status.FAIL || tests == null || tests.failingIds().isEmpty()
        || !ctx.settings().upstreamRef().isSet()) {
      return fact;
    }
    String upstream = ctx.settings().upstreamRef().value();
    CommandResult mb = ctx.mergeBase(upstream);
    if (!mb.ok() || !mb.stdoutWhole() || GitCli.firstLine(mb).isBlank()) {
      return with(fact, tests, Value.Baseline.notCompared("", "no merge-base with " + upstream + ": "
          + mb.firstErrorLine()), List.of(mb.evidence()));
    }
    String sha = GitCli.firstLine(mb).strip();
    CommandResult files = ctx.git().run(List.of("ls-tree", "-r", "-z", "--name-only", sha),
        "git ls-tree -r --name-only " + sha);
    if (files.ok() && files.stdoutWhole()) {
      // A failing test whose file is not at the merge-base (the fork's own test) cannot be compared: no run for it.
      java.util.Set<String> there = java.util.Set.of(files.stdout().split("\0"));
      List<String> absent = tests.failingIds().stream().filter(id -> id.contains("::")
          && !there.contains(id.substring(0, id.indexOf("::")))).toList();
      if (absent.size() == tests.failingIds().size()) {
        return with(fact, tests, new Value.Baseline(sha, List.of(), List.of(), absent, ""), List.of());
      }
    }
    Path tmp;
    try {
      tmp = ScratchDir.create("forkstate-base");
    } catch (IOException e) {
      return with(fact, tests, Value.Baseline.notCompared(sha, "no temporary folder: " + e.getMessage()), List.of());
    }
    Path tree = tmp.resolve("tree");
    List<Evidence> evidence = new ArrayList<>();
    try {
      // No hooks: `git worktree add` runs post-checkout, and a measurement must not run the repository's hooks.
      CommandResult add = ctx.git().run(List.of("-c", "core.hooksPath=/dev/null", "worktree", "add", "--detach",
          tree.toString(), sha),
          "git worktree add --detach <tmp> " + sha);
      evidence.add(add.evidence());
      if (!add.ok()) {
        return with(fact, tests, Value.Baseline.notCompared(sha, "git worktree add failed: " + add.firstErrorLine()),
            evidence);
      }
      CollectContext there = new CollectContext(tree, ctx.settings(), ctx.runner(), ctx.offline(),
          new GitCli(tree, ctx.runner()), ctx.pool(), ctx.ownOutputs(), ctx.configFile(), ctx.shared());
      SmokeCollector.SmokeRun base = runner.run(there, smoke, py, codeFirst(tree, ctx.runner().baseEnv()));
      return with(fact, tests, baseline(sha, tests, base.fact(), base.counted()), evidence);
    } finally {
      ctx.git().run("worktree", "remove", "--force", tree.toString());
      ctx.git().run("worktree", "prune");
      ScratchDir.deleteQuietly(tmp);
    }
  }

  /**
   * PYTHONPATH with the merge-base's code first (its root, and src/ when there is one). Why: an interpreter with the
   * fork installed in editable mode (pip install -e .) would import the fork's package from the fork's folder, and
   * upstream's tests would be run against the fork's code; entries on PYTHONPATH come before site-packages.
   */
  static Map<String, String> codeFirst(Path tree, Map<String, String> base) {
    List<String> path = new ArrayList<>(List.of(tree.toString()));
    if (java.nio.file.Files.isDirectory(tree.resolve("src"))) {
      path.add(tree.resolve("src").toString());
    }
    String existing = base.getOrDefault("PYTHONPATH", "");
    if (!existing.isEmpty()) {
      path.add(existing);
    }
    return Map.of("PYTHONPATH", String.join(":", path));
  }

  /** Sorts the fork's failing tests by what the same tests did at the merge-base. */
  static Value.Baseline baseline(String sha, Value.Tests fork, Fact base, Value.Tests counted) {
    // Only a failing or passing run is compared: UNKNOWN there (a module not installed) measured nothing.
    Value.Tests there = base.value() instanceof Value.Tests t ? t : base.status() == Status.FAIL ? counted : null;
    if (there == null) {
      String why = base.reason().isBlank() ? base.summary() : base.reason();
      return Value.Baseline.notCompared(sha, "the run at the merge-base counted no tests (" + base.status() + ": "
          + why + ")");
    }
    Map<String, String> outcomes = there.outcomes();
    List<String> also = new ArrayList<>();
    List<String> passing = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String id : fork.failingIds()) {
      String outcome = outcomes.getOrDefault(id, "");
      (outcome.equals("failed") || outcome.equals("error") ? also : outcome.equals("passed") ? passing : absent)
          .add(id);
    }
    return new Value.Baseline(sha, also, passing, absent, "");
  }

  private static Fact with(Fact fact, Value.Tests tests, Value.Baseline base, List<Evidence> more) {
    List<Evidence> evidence = new ArrayList<>(fact.evidence());
    evidence.addAll(more);
    Phrase reason = fact.reasonPhrase().isBlank() ? describe(base)
        : fact.reasonPhrase().then("; ").then(describe(base));
    return new Fact(fact.id(), fact.status(), tests.withMergeBase(base), fact.summaryPhrase(), reason, evidence);
  }

  /** "2 also fail at the merge-base abc1234 (upstream's code): not introduced by the fork; ...". */
  static Phrase describe(Value.Baseline b) {
    Phrase at = b.where();
    if (!b.compared()) {
      return Phrase.of("not compared with ").then(at).then(": " + b.notCompared());
    }
    List<Phrase> parts = new ArrayList<>();
    if (!b.passing().isEmpty()) {
      parts.add(Phrase.of(Noun.count(b.passing().size(), "failing test")
          + verb(b.passing(), " passes at ", " pass at ")).then(at).then(": broken by the fork (")
          .then(Phrase.items(Phrase.Kind.TEST_ID, b.passing(), ", ")).then(")"));
    }
    if (!b.alsoFailing().isEmpty()) {
      parts.add(Phrase.of(Noun.count(b.alsoFailing().size(), "failure")
          + verb(b.alsoFailing(), " also fails at ", " also fail at ")).then(at).then(": not introduced by the fork"));
    }
    if (!b.notThere().isEmpty()) {
      parts.add(Phrase.of(Noun.count(b.notThere().size(), "failure") + " not compared: not run at the "
          + "merge-base"));
    }
    return Phrase.join(parts, "; ");
  }

  private static String verb(List<String> subjects, String one, String many) {
    return subjects.size() == 1 ? one : many;
  }
}
