package dev.forkstate.app;

import dev.forkstate.assess.Assessment;
import dev.forkstate.assess.llm.LlmAssessor;
import dev.forkstate.check.Checks;
import dev.forkstate.check.Finding;
import dev.forkstate.check.Judge;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.clock.ReportClock;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.Await;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactSet;
import dev.forkstate.history.SqliteDriver;
import dev.forkstate.report.Report;
import dev.forkstate.report.ReportBuilder;
import dev.forkstate.secret.FactRedactor;
import dev.forkstate.secret.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The generate use case: measure (collectors, then the history's trends), judge (checks), assess, build and render
 * the report, write it. {@link CollectorPlan} says which collectors run when; {@link ReportTarget} and
 * {@link OutputWriter} own the files. After the collection the machine's second core would idle while this thread
 * judges, builds and renders, so what does not need the rendered report runs on the pool meanwhile: this run's history
 * row ({@link RunHistory}), the hidden facts line, and the sections ({@link SectionPipeline}: built there while each
 * is rendered here). Each is waited for where its result was used before, throws what it threw, and is waited for on
 * every way out; the bytes written do not change.
 */
public final class GenerateReport {
  public static final String DEFAULT_MD = "STATE_OF_PROJECT.md";
  public static final String DEFAULT_JSON = "STATE_OF_PROJECT.json";

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
    StageTimer timer = new StageTimer(req.env());
    try (Workspace ws = Workspace.open(req.repo(), req.config(), req.env())) {
      String date = ReportClock.format(ReportClock.today(req.env()));
      ReportTarget target = ReportTarget.open(req, ws.repo, ws.pool);
      Settings settings = ws.settings();
      timer.lap("config");
      // The stored runs do not depend on this run: they are read while the git commands run.
      try (HistoryReadAhead ahead = HistoryReadAhead.start(RunHistory.db(ws.repo, settings.historyDb()), req.env(),
          ws.pool)) {
        Redactor redactor = withModelKey(ws.redactor, settings, req.env());
        FactSet measured = measure(req, ws, settings, target, progress, redactor);
        timer.lap("collection");
        SqliteDriver.prepare(req.env());
        try (RunHistory history = RunHistory.open(ws.repo, settings.historyDb(), ahead.take(),
            ReportClock.now(req.env()).toString(), measured, redactor, ws.pool)) {
          String version = Version.get(); // while this run's row is serialised
          // The trends are measured from the history, after the first judging; TrendPolicy judges them here.
          FactSet facts = Judge.apply(withTrends(measured, history, target.chart(), redactor), settings);
          timer.lap("history");
          OutputWriter output = new OutputWriter(target, redactor);
          // The facts line depends on the facts alone: written on the pool while the checks and the assessment run.
          CompletableFuture<String> factsLine = target.markdown
              ? CompletableFuture.supplyAsync(() -> output.factsLine(facts.all()), ws.pool) : null;
          List<Finding> findings;
          RunVerdict verdict;
          LlmAssessor.Outcome assessed;
          Report report;
          OutputWriter.Rendered rendered;
          OutputWriter.Chart chart;
          try {
            findings = Checks.evaluate(facts, settings.requiredChecks());
            progress.step("writing the assessment");
            verdict = RunVerdict.of(findings);
            assessed = assess(req, ws.repo, settings, facts, findings, redactor);
            ReportBuilder builder = new ReportBuilder(facts, findings, settings, target.previousReport());
            if (factsLine != null) {
              // Each section is rendered here while the next is built on the pool; the chart is drawn while the
              // first one is.
              try (SectionPipeline sections = SectionPipeline.start(builder.steps(assessed.assessment(), verdict),
                  ws.pool)) {
                chart = output.chart(history);
                rendered = output.markdown(builder.title(date), version, () -> Await.join(factsLine),
                    sections.sections());
                report = builder.report(version, date, sections.all(), assessed.assessment(), verdict);
              }
            } else {
              report = builder.build(version, date, assessed.assessment(), verdict);
              rendered = output.render(report);
              chart = output.chart(history);
            }
          } finally {
            Await.settle(factsLine); // nothing runs on after the run
          }
          timer.lap("render");
          history.awaitRow();
          progress.step("writing " + (target.out == null ? "to stdout" : target.out.getFileName()));
          List<String> notes = assessmentNotes(assessed, redactor);
          notes.addAll(output.write(rendered, report, req.jsonOut(), history, req.record(), chart));
          timer.lap("write");
          return new GenerateResult(report, rendered.text(), target.out, verdict.exitCode(), notes);
        }
      }
    }
  }

  /**
   * Runs the collector plan, redacts what it measured and judges it; the report's own files are left out of the
   * facts. Redaction comes before anything else reads the facts (judge, history, model, renderers): every sink then
   * holds the same masked data, and none can escape a secret out of the redactor's sight. The redactor is the run's
   * own, so a token a collector obtained (gh auth token) is in it by the time the facts are redacted.
   */
  private static FactSet measure(GenerateRequest req, Workspace ws, Settings settings, ReportTarget target,
      Progress progress, Redactor redactor) {
    CollectContext ctx = new CollectContext(ws.repo, settings, ws.runner, req.offline(), ws.git, ws.pool,
        target.ownOutputs(ws.repo), ws.configInRepo());
    List<Fact> facts = new CollectorPlan(ctx, ws.pool, redactor).run(progress);
    return Judge.apply(new FactSet(new FactRedactor(redactor).facts(facts)), settings);
  }

  /** The model's answer to the prompt when one is configured and reachable, else the rules'. */
  private static LlmAssessor.Outcome assess(GenerateRequest req, Path repo, Settings settings, FactSet facts,
      List<Finding> findings, Redactor redactor) {
    return LlmAssessor.standard().assess(new LlmAssessor.Request(settings.prompt(), facts, findings, settings.llm(),
        req.env(), repo, req.offline(), req.noLlm(), redactor));
  }

  /**
   * The measured facts and the trends over the recorded runs (with the chart's file name, when one is drawn). The
   * trends are redacted too: a row recorded by an older version may hold a secret that was not masked then.
   */
  private static FactSet withTrends(FactSet measured, RunHistory history, Path chart, Redactor redactor) {
    List<Fact> all = new ArrayList<>(measured.all());
    all.addAll(new FactRedactor(redactor)
        .facts(history.trends(measured, chart == null ? null : chart.getFileName().toString())));
    return new FactSet(all);
  }

  /** What the assessor said for stderr, and why the rules wrote the assessment when they did. */
  private static List<String> assessmentNotes(LlmAssessor.Outcome assessed, Redactor redactor) {
    List<String> notes = new ArrayList<>();
    assessed.notes().forEach(n -> notes.add(redactor.redact(n)));
    Assessment assessment = assessed.assessment();
    if (!assessment.fallback().isEmpty()) {
      notes.add(redactor.redact("assessment written by the rules: " + assessment.fallback()));
    }
    return notes;
  }

  /**
   * The run's redactor, told the model's key whatever its variable is called: a key in a variable whose name does not
   * look secret (LLM_CREDS) must not reach the report either, e.g. echoed in an endpoint's 401 message. The key goes
   * into the workspace's redactor itself, so the commands' output is masked with it too.
   */
  private static Redactor withModelKey(Redactor redactor, Settings settings, Map<String, String> env) {
    if (settings.llm() != null && settings.llm().apiKeyEnv() != null) {
      redactor.remember(env.get(settings.llm().apiKeyEnv()));
    }
    return redactor;
  }
}
