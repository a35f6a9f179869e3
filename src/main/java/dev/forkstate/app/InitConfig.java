package dev.forkstate.app;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.ci.WorkflowChoice;
import dev.forkstate.collect.happypath.HappyPathCollector;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Value;
import dev.forkstate.collect.detect.ProjectDetector;
import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.Detected;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.config.Settings;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.error.UserError;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import dev.forkstate.write.AtomicWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** The init use case: detect what the repository has and write a commented forkstate.yml proposing it. */
public final class InitConfig {
  public Path run(Path repoDir, boolean force, Map<String, String> env) {
    CommandRunner runner = new CommandRunner(env, Redactor.fromEnvironment(env));
    Path repo = Workspace.repoRoot(repoDir, runner);
    Path file = repo.resolve(ConfigLoader.FILE_NAME);
    if (Files.exists(file) && !force) {
      throw new UserError(file + " already exists", null, "edit it, or rerun with --force to replace it");
    }
    GitCli git = new GitCli(repo, runner);
    Detected d = ProjectDetector.detect(repo, git, Runnable::run);
    Additions added = proposals(repo, runner, d);
    String yaml = render(d, added, workflow(repo, git, d, added));
    // Round-trip what we wrote through the strict loader: init must never write a config generate rejects.
    new ConfigLoader().parse(yaml, ConfigLoader.FILE_NAME);
    AtomicWriter.write(file, yaml);
    return file;
  }

  /** What the fork added, as the happy-path scan sees it (nothing when there is no upstream to compare with). */
  private static Additions proposals(Path repo, CommandRunner runner, Detected d) {
    Settings s = SettingsResolver.resolve(ForkstateConfig.empty(), d);
    if (!s.upstreamRef().isSet()) {
      return new Additions(List.of(), List.of());
    }
    CollectContext ctx = new CollectContext(repo, s, runner, true, Runnable::run);
    FactSet facts = new FactSet(new HappyPathCollector().collect(ctx));
    return new Additions(paths(facts, FactIds.PYTHON_ADDED_MODULES), paths(facts, FactIds.TESTS_ADDED_FOLDERS),
        changedTestModules(ctx, s.upstreamRef().value()));
  }

  /** Test modules (test_*.py, *_test.py) the fork added or modified since the merge-base, present at HEAD. */
  private static List<String> changedTestModules(CollectContext ctx, String upstream) {
    dev.forkstate.exec.CommandResult base = ctx.mergeBase(upstream);
    if (!base.ok()) {
      return List.of();
    }
    dev.forkstate.exec.CommandResult diff = ctx.git().run("diff", "--name-only", "--no-renames", "--diff-filter=AM",
        base.stdout().strip(), "HEAD", "--", "*.py");
    return diff.ok() ? GitCli.lines(diff).stream().filter(SmokeProposal::testModule).sorted().toList() : List.of();
  }

  private static List<String> paths(FactSet facts, FactId id) {
    return facts.get(id).filter(f -> f.value() instanceof Value.Paths).map(f -> ((Value.Paths) f.value()).paths())
        .orElse(List.of());
  }

  /** New modules ("pkg.mod: names") and new test folders, from which capabilities are proposed. */
  /** {@code testFiles}: the test modules the fork added or changed since the merge-base (a smoke when nothing else). */
  record Additions(List<String> modules, List<String> testFolders, List<String> testFiles) {
    Additions(List<String> modules, List<String> testFolders) {
      this(modules, testFolders, List.of());
    }
  }

  static String render(Detected d) {
    return render(d, new Additions(List.of(), List.of()));
  }

  /** The workflow that runs the proposed smoke on a push to the fork branch, if one does. */
  private static Optional<WorkflowChoice.Choice> workflow(Path repo, GitCli git, Detected d, Additions added) {
    SmokeProposal smoke = SmokeProposal.of(d, added);
    if (smoke == null) {
      return Optional.empty();
    }
    Settings s = SettingsResolver.resolve(ForkstateConfig.empty(), d);
    String branch = s.forkBranch().isSet() ? s.forkBranch().value() : d.currentBranch();
    return WorkflowChoice.choose(repo, List.of(smoke.command()), branch, GitCli.lines(git.run("ls-files")));
  }

  static String render(Detected d, Additions added) {
    return render(d, added, Optional.empty());
  }

  static String render(Detected d, Additions added, Optional<WorkflowChoice.Choice> ci) {
    Settings s = SettingsResolver.resolve(ForkstateConfig.empty(), d);
    String forkBranch = s.forkBranch().isSet() ? s.forkBranch().value() : d.currentBranch();
    StringBuilder y = new StringBuilder();
    y.append("# forkstate.yml: written by `forkstate init` from what it found in this repository.\n");
    y.append("# Every key is optional; a key left out is detected again on each run. Reference: README.md.\n\n");
    y.append("# Name shown in the report title: \"State of <project> — <date>\".\n");
    y.append("project: ").append(quote(d.repoName())).append("\n\n");
    y.append("# The branch the fork ships from; the report checks that it is checked out.\n");
    if (forkBranch == null || forkBranch.isEmpty()) {
      y.append("# fork_branch: fork/stable   # HEAD is detached: set the branch by hand\n\n");
    } else {
      y.append("fork_branch: ").append(quote(forkBranch)).append("\n\n");
    }
    y.append("# The upstream ref the fork is compared with (remotes found: ")
        .append(d.remotes().isEmpty() ? "none" : String.join(", ", d.remotes())).append(").\n");
    if (s.upstreamRef().isSet()) {
      y.append("upstream_ref: ").append(quote(s.upstreamRef().value())).append("\n\n");
    } else {
      y.append("# upstream_ref: upstream/main   # ").append(s.upstreamRef().source()).append("\n\n");
    }
    y.append("# Smoke steps: shell commands run from the repository root. pytest results are read per test.\n");
    SmokeProposal smoke = SmokeProposal.of(d, added);
    if (smoke == null) {
      y.append("# smokes:\n#   - name: smokes\n#     command: PYTHONPATH=$(pwd) pytest -q tests/smoke\n\n");
    } else {
      y.append("# Picked: ").append(smoke.rule()).append(".\n");
      y.append("smokes:\n  - name: \"smokes\"\n");
      y.append("    command: ").append(quote(smoke.command())).append('\n');
      y.append("    timeout_seconds: ").append(smoke.timeoutSeconds()).append("\n\n");
    }
    y.append("# Optional live check against real services: runs only online and when every listed env var is set.\n");
    if (s.liveCheck() == null) {
      y.append("# live_check:\n#   command: PYTHONPATH=$(pwd) python local/scripts/live_checks.py\n"
          + "#   requires_env: [OPENAI_API_KEY]\n\n");
    } else {
      y.append("live_check:\n  command: ").append(quote(s.liveCheck().command())).append('\n');
      y.append("  requires_env: [").append(String.join(", ", s.liveCheck().requiresEnv())).append("]\n\n");
    }
    y.append("# CI: the workflow that runs the smokes, and the job that must be green (matched by name).\n");
    y.append("ci:\n");
    if (ci.isPresent()) {
      y.append("  # Picked: ").append(ci.get().why()).append(".\n");
      y.append("  workflow: ").append(quote(ci.get().workflow())).append("\n");
    } else {
      y.append(s.ciWorkflow().isSet() ? "  workflow: " + quote(s.ciWorkflow().value()) + "\n"
          : "  # workflow: .github/workflows/fork-smokes.yml\n");
    }
    y.append(jobLine(s.ciJob().value(), ci.map(WorkflowChoice.Choice::pythons).orElse(List.of())));
    y.append("# The happy-path guide whose rules the report checks.\n");
    y.append(s.guide().isSet() ? "guide: " + quote(s.guide().value()) + "\n\n"
        : "# guide: local/docs/01_guides/HAPPYPATH_GUIDE.md\n\n");
    y.append("# The blunt-assessment prompt, quoted verbatim in the report (typos included), naming the upstream\n");
    y.append("# project (").append(d.upstreamName() == null ? "not found: no upstream remote URL or pyproject name"
        : d.upstreamName()).append(").\n");
    y.append("assessment_prompt: ").append(quote(s.prompt())).append("\n\n");
    y.append("# Extra paths the report cites; each is checked to be committed.\n");
    y.append("paths: []\n\n");
    y.append("# Checks whose FAIL or UNKNOWN makes `forkstate generate` exit 1.\n");
    y.append("required_checks: [").append(String.join(", ", SettingsResolver.DEFAULT_REQUIRED)).append("]\n\n");
    y.append("# A model that writes the blunt assessment from the facts (checked against them); without it, rules.\n");
    y.append("# llm:\n");
    y.append("#   base_url: http://localhost:4000/v1    # LiteLLM proxy; Ollama: http://localhost:11434/v1\n");
    y.append("#   model: gpt-4o-mini\n");
    y.append("#   api_key_env: LITELLM_API_KEY          # the variable holding the key, never the key itself\n\n");
    y.append("# Happy-path allowances: flags the fork may add (env vars, parameters such as router_core or\n");
    y.append("# Router.__init__(router_core), CLI options), defaults it may change (module:Qual.fn(param)), optional\n");
    y.append("# packages (their import must be guarded), and how many smoke runs prove determinism: unset, a smoke\n");
    y.append("# runs twice only when its first run took at most repeat_under_seconds (30); 2 always compares two\n");
    y.append("# runs (a slow suite's time doubles), 1 runs once and skips the comparison.\n");
    y.append("happypath:\n  allowed_flags: []\n  allowed_defaults: []\n  optional_modules: []\n  # determinism_runs: ")
        .append(SettingsResolver.DEFAULT_DETERMINISM_RUNS).append("\n  # repeat_under_seconds: ")
        .append(SettingsResolver.DEFAULT_REPEAT_UNDER.toSeconds()).append("\n");
    capabilities(y, added);
    return y.toString();
  }

  private static void capabilities(StringBuilder y, Additions added) {
    List<CapabilityProposals.Proposal> proposals = CapabilityProposals.of(added.modules());
    y.append("\n# Capabilities the fork claims, each checked against its evidence on every run (VERIFIED, PARTIAL,\n");
    y.append("# UNVERIFIED). Evidence: paths committed, symbols as module:qualname, env flags read, tests that pass.\n");
    if (proposals.isEmpty() && added.testFolders().isEmpty()) {
      y.append("# capabilities:\n#   - name: Router core seam\n#     description: extracted path behind a flag\n"
          + "#     evidence:\n#       paths: [litellm/router_core/]\n#       env: [LITELLM_ROUTER_CORE]\n");
      return;
    }
    y.append("# Proposed from what the fork added since the merge-base: rename them and say what each does.\n");
    y.append("capabilities:\n");
    for (CapabilityProposals.Proposal p : proposals) {
      y.append("  - name: ").append(quote(p.name())).append('\n');
      y.append("    description: \"\"   # one line: what it gives users\n");
      y.append("    evidence:\n      paths: [").append(quote(p.path())).append("]\n");
      if (!p.symbols().isEmpty()) {
        y.append("      symbols: [").append(String.join(", ", p.symbols().stream().map(InitConfig::quote).toList()))
            .append("]\n");
      }
    }
    if (!added.testFolders().isEmpty()) {
      y.append("  - name: \"Own tests\"\n    description: \"\"   # what they cover\n    evidence:\n      paths: [")
          .append(String.join(", ", added.testFolders().stream().map(InitConfig::quote).toList())).append("]\n");
    }
  }

  /** Double-quoted YAML scalar, so any branch name or command survives as text. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }

  /**
   * The required job: the default (Python 3.12) unless the chosen workflow names Python versions and 3.12 is not
   * among them; then its newest, said so, since a job the workflow never runs would fail the first report.
   */
  static String jobLine(String job, List<String> pythons) {
    String line = "   # the job that must be green: its name contains this\n";
    if (pythons.isEmpty() || pythons.contains(job)) {
      return "  job: " + quote(job) + line + "\n";
    }
    String newest = pythons.get(pythons.size() - 1);
    return "  # The workflow tests Python " + String.join(", ", pythons) + ", not " + job + ": the newest it tests is "
        + "proposed; set job: " + quote(job) + " once it runs " + job + ".\n  job: " + quote(newest) + line + "\n";
  }
}
