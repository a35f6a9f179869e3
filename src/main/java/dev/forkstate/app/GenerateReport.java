package dev.forkstate.app;

import dev.forkstate.assess.Assessment;
import dev.forkstate.assess.llm.LlmAssessor;
import dev.forkstate.check.Checks;
import dev.forkstate.check.Finding;
import dev.forkstate.check.Judge;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.clock.ReportClock;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.CollectorBoundary;
import dev.forkstate.collect.happypath.CapabilityCollector;
import dev.forkstate.collect.happypath.CopyPasteCollector;
import dev.forkstate.collect.happypath.HappyPathCollector;
import dev.forkstate.collect.ci.CiRunCollector;
import dev.forkstate.collect.ci.GitHubToken;
import dev.forkstate.collect.ci.PullRequestCollector;
import dev.forkstate.collect.ci.WorkflowCollector;
import dev.forkstate.collect.git.GitStateCollector;
import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.collect.metrics.MetricsCollector;
import dev.forkstate.collect.smoke.LiveCheckCollector;
import dev.forkstate.collect.smoke.SmokeCollector;
import dev.forkstate.collect.upstream.PrBranchCollector;
import dev.forkstate.collect.upstream.UpstreamCollector;
import dev.forkstate.collect.upstream.UpstreamabilityCollector;
import dev.forkstate.config.Settings;
import dev.forkstate.error.ExitCode;
import dev.forkstate.error.UserError;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.render.JsonRenderer;
import dev.forkstate.render.MarkdownRenderer;
import dev.forkstate.render.TrendChart;
import dev.forkstate.render.update.MergeResult;
import dev.forkstate.render.update.ReportDocument;
import dev.forkstate.render.update.ReportMerger;
import dev.forkstate.report.Report;
import dev.forkstate.report.FactDigest;
import dev.forkstate.report.PreviousReport;
import dev.forkstate.report.ReportBuilder;
import dev.forkstate.report.SectionTitles;
import dev.forkstate.secret.Redactor;
import dev.forkstate.write.AtomicWriter;
import dev.forkstate.write.FileSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** The generate use case: config, collectors, checks, assessment, report, render, atomic write. */
public final class GenerateReport {
  public static final String DEFAULT_MD = "STATE_OF_PROJECT.md";
  public static final String DEFAULT_JSON = "STATE_OF_PROJECT.json";
  static final java.time.Duration GITHUB_TIMEOUT = java.time.Duration.ofSeconds(20);

  public GenerateResult run(GenerateRequest req) {
    return run(req, Progress.NONE);
  }

  public GenerateResult run(GenerateRequest req, Progress progress) {
    try {
      return measureAndWrite(req, progress);
    } finally {
      progress.done();
    }
  }

  private GenerateResult measureAndWrite(GenerateRequest req, Progress progress) {
    progress.step("reading the repository and its config");
    StageTimer timer = new StageTimer("1".equals(req.env().get("FORKSTATE_TRACE")));
    try (Workspace ws = Workspace.open(req.repo(), req.config(), req.env())) {
      Path repo = ws.repo;
      String date = ReportClock.format(ReportClock.today(req.env()));
      Path out = outputPath(req, repo);
      FileSnapshot previous = out == null ? null : FileSnapshot.read(out);
      boolean markdown = req.format() == GenerateRequest.Format.MD;
      // A Markdown report is updated in place (the user's sections are kept); another file is only ever replaced.
      // Reading the old report (commonmark) overlaps with measuring; broken marks still stop the run before a write.
      CompletableFuture<ReportDocument> parsing = markdown && previous != null && previous.exists()
          ? CompletableFuture.supplyAsync(() -> ReportDocument.parse(previous.text(),
              SectionTitles.idsByNormalisedTitle(), out.getFileName().toString()), ws.pool)
          : CompletableFuture.completedFuture(null);
      if (!markdown && previous != null && previous.exists() && !req.force()
          && !writtenByForkstate(previous.text())) {
        throw new UserError(out + " exists and was not written by forkstate; replacing it would lose its text", null,
            "move it aside, choose another --out, or pass --force to replace it");
      }
      timer.lap("repo");

      Settings settings = ws.settings();
      timer.lap("settings");
      CollectContext ctx = new CollectContext(repo, settings, ws.runner, req.offline(), ws.git, ws.pool,
          ownOutputs(repo, out));
      FactSet measured = Judge.apply(new FactSet(collect(ctx, ws.pool, progress)), settings);
      timer.lap("collect");
      RunHistory history = RunHistory.open(repo, settings.historyDb(), ReportClock.now(req.env()).toString(),
          measured, withModelKey(ws.redactor, settings, req.env()));
      List<Fact> withTrends = new ArrayList<>(measured.all());
      Path chart = markdown && out != null ? chartPath(out) : null;
      withTrends.addAll(history.trends(measured, chart == null ? null : chart.getFileName().toString()));
      // The trends are measured from the history, after the first judging; TrendPolicy judges them here.
      FactSet facts = Judge.apply(new FactSet(withTrends), settings);
      timer.lap("history");
      List<Finding> findings = Checks.evaluate(facts, settings.requiredChecks());
      timer.lap("checks");
      progress.step("writing the assessment");
      RunVerdict verdict = RunVerdict.of(findings);
      ExitCode exit = verdict.exitCode();
      Redactor redactor = withModelKey(ws.redactor, settings, req.env());
      LlmAssessor.Outcome assessed = LlmAssessor.standard().assess(new LlmAssessor.Request(settings.prompt(), facts,
          findings, settings.llm(), req.env(), repo, req.offline(), req.noLlm()));
      Assessment assessment = assessed.assessment();
      timer.lap("assess");
      ReportDocument old = Workspace.join(parsing);
      PreviousReport prior = old == null ? PreviousReport.none()
          : new PreviousReport(true, old.factsJson().flatMap(FactDigest::fromCommentJson));
      Report report = new ReportBuilder(facts, findings, settings, prior).build(Version.get(), date, assessment,
          verdict);
      timer.lap("build");
      List<String> notes = new ArrayList<>();
      assessed.notes().forEach(n -> notes.add(redactor.redact(n)));
      if (!assessment.fallback().isEmpty()) {
        notes.add(redactor.redact("assessment written by the rules: " + assessment.fallback()));
      }
      String text;
      if (!markdown) {
        text = new JsonRenderer().render(report);
      } else if (old == null) {
        text = new MarkdownRenderer().render(report);
      } else {
        MarkdownRenderer md = new MarkdownRenderer();
        MergeResult merged = ReportMerger.merge(old, md.blocks(report), md.factsLine(report));
        text = merged.text();
        if (merged.needsBackup() && out != null) {
          Path backup = backupPath(out);
          AtomicWriter.write(backup, previous.bytes(), null);
          notes.add((merged.migrated() ? "migrated " + out.getFileName() + " to marked sections; " : "")
              + (merged.overwrittenLines() > 0 ? "overwritten: " + merged.overwrittenLines() + " edited lines in "
              + String.join(", ", merged.overwritten().keySet()) + "; " : "")
              + "previous file saved as " + backup.getFileName()
              + " (wrap lines in <!-- keep --> ... <!-- /keep --> to keep them in a section)");
        }
        merged.keptSections().forEach(id -> notes.add("kept <!-- keep --> blocks in " + id));
      }
      text = redactor.redact(text);
      timer.lap("report");
      progress.step("writing " + (out == null ? "to stdout" : out.getFileName()));
      try (history) {
        if (out != null) {
          AtomicWriter.write(out, text, previous);
        }
        if (req.jsonOut() != null) {
          AtomicWriter.write(req.jsonOut(), redactor.redact(new JsonRenderer().render(report)), null);
        }
        if (chart != null && !history.points().isEmpty()) {
          AtomicWriter.write(chart, TrendChart.svg(history.points()), null);
        }
        String recorded = req.record() ? history.record(exit.code()) : "";
        if (!recorded.isEmpty()) {
          notes.add(redactor.redact(recorded));
        }
      }
      timer.lap("write");
      return new GenerateResult(report, text, out, exit, notes);
    }
  }

  /**
   * Three phases. Read-only git collectors first, in parallel, so the working-tree snapshot is taken before any test
   * runs (a test that writes a file would otherwise make the untracked count depend on timing). Then the smokes, the
   * live check and CI, in parallel with each other. Last, what reads the facts so far: the copy-paste rule (their
   * commands) and the capabilities (the smokes' outcomes). Results are joined in registry order.
   */
  static List<Fact> collect(CollectContext ctx, ExecutorService pool) {
    return collect(ctx, pool, Progress.NONE);
  }

  static List<Fact> collect(CollectContext ctx, ExecutorService pool, Progress progress) {
    progress.step("measuring git, upstream, workflow and the Python changes");
    List<Fact> facts = new ArrayList<>();
    facts.addAll(runAll(ctx, pool, List.of(new GitStateCollector(), new UpstreamCollector(),
        new ReferenceCollector(CitedPaths.of(ctx.settings())), new WorkflowCollector(), new HappyPathCollector(),
        new UpstreamabilityCollector(), new PrBranchCollector())));
    CiRunCollector ci = new CiRunCollector(
        api -> GitHubToken.find(ctx.runner().baseEnv(), ctx.runner(), ctx.repo()), GITHUB_TIMEOUT);
    progress.step("running the smokes" + (ctx.offline() ? "" : ", the live check and the CI and PR lookups"));
    PullRequestCollector pulls = new PullRequestCollector(
        api -> GitHubToken.find(ctx.runner().baseEnv(), ctx.runner(), ctx.repo()), GITHUB_TIMEOUT);
    facts.addAll(runAll(ctx, pool, List.of(new SmokeCollector(), new LiveCheckCollector(), ci, pulls,
        new MetricsCollector())));
    // Third: what reads the others' facts (their commands, the smokes' test outcomes).
    progress.step("checking commands and capabilities");
    List<Fact> sofar = List.copyOf(facts);
    facts.addAll(runAll(ctx, pool, List.of(new CopyPasteCollector(sofar), new CapabilityCollector(sofar))));
    return facts;
  }

  private static List<Fact> runAll(CollectContext ctx, ExecutorService pool, List<Collector> collectors) {
    boolean trace = "1".equals(ctx.runner().baseEnv().get("FORKSTATE_TRACE"));
    List<CompletableFuture<List<Fact>>> futures = collectors.stream()
        .map(c -> CompletableFuture.supplyAsync(() -> {
          long t0 = System.nanoTime();
          List<Fact> facts = CollectorBoundary.run(c, ctx);
          if (trace) {
            System.err.printf("forkstate: trace   %-16s %4d ms%n", c.name(), (System.nanoTime() - t0) / 1_000_000);
          }
          return facts;
        }, pool)).toList();
    List<Fact> out = new ArrayList<>();
    for (CompletableFuture<List<Fact>> f : futures) {
      out.addAll(Workspace.join(f));
    }
    return out;
  }

  /**
   * The redactor, plus the model's key whatever its variable is called: a key in a variable whose name does not look
   * secret (LLM_CREDS) must not reach the report either, e.g. echoed in an endpoint's 401 message.
   */
  private static Redactor withModelKey(Redactor redactor, Settings settings, java.util.Map<String, String> env) {
    if (settings.llm() == null || settings.llm().apiKeyEnv() == null) {
      return redactor;
    }
    String key = env.get(settings.llm().apiKeyEnv());
    return key == null || key.isBlank() ? redactor : redactor.with(key);
  }

  /** The trend chart beside the report: STATE_OF_PROJECT.md gets STATE_OF_PROJECT.trend.svg. */
  static Path chartPath(Path out) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".trend.svg");
  }

  /** Where the previous report is saved when an update replaces words the user wrote. */
  static Path backupPath(Path out) {
    return out.resolveSibling(out.getFileName() + ".prev");
  }

  /** Only JSON is ever replaced whole; a Markdown report is merged, so it needs no such guard. */
  private static boolean writtenByForkstate(String json) {
    return json.contains("\"tool\" : \"forkstate\"");
  }

  /**
   * The report's path and its backup, relative to the repository when inside it, for the working-tree facts to
   * leave out: writing a report must not change the next one.
   */
  private static List<String> ownOutputs(Path repo, Path out) {
    List<String> own = new ArrayList<>();
    for (Path p : new Path[] {out, out == null ? null : backupPath(out), out == null ? null : chartPath(out)}) {
      if (p == null) {
        continue;
      }
      Path abs = p.toAbsolutePath().normalize();
      if (abs.startsWith(repo)) {
        String rel = repo.relativize(abs).toString().replace('\\', '/');
        if (!own.contains(rel)) {
          own.add(rel);
        }
      }
    }
    return own;
  }

  private static Path outputPath(GenerateRequest req, Path repo) {
    if ("-".equals(req.out())) {
      return null;
    }
    Path out = req.out() != null ? Path.of(req.out())
        : repo.resolve(req.format() == GenerateRequest.Format.JSON ? DEFAULT_JSON : DEFAULT_MD);
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UserError("output folder " + parent + " does not exist", null,
          "create it, or pass --out with a file in an existing folder");
    }
    return out;
  }
}
