package dev.forkstate.report;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lays facts, findings and the assessment out in the seed's sections, in the seed's order. Every bullet that states
 * something measured carries its status, the command that reproduces it and the facts behind it.
 */
public final class ReportBuilder {
  private static final int TOP_FILES = 5;
  private static final int MAX_ITEMS = 12;

  private final FactSet facts;
  private final List<Finding> findings;
  private final Settings settings;
  private final PreviousReport previous;

  public ReportBuilder(FactSet facts, List<Finding> findings, Settings settings, PreviousReport previous) {
    this.facts = facts;
    this.findings = findings;
    this.settings = settings;
    this.previous = previous;
  }

  public ReportBuilder(FactSet facts, List<Finding> findings, Settings settings) {
    this(facts, findings, settings, PreviousReport.none());
  }

  public Report build(String toolVersion, String date, Assessment assessment, RunVerdict verdict) {
    List<Section> sections = List.of(
        section("executive-summary", executiveSummary(verdict)),
        section("capabilities", capabilities()),
        section("validation-status", validation()),
        section("comparison-vs-upstream", comparison(assessment)),
        section("advantages", withDraft(advantages(), assessment, "advantages")),
        section("gaps", withDraft(gaps(), assessment, "gaps")),
        section("happypath-alignment", happypath()),
        section("next-steps", withDraft(nextSteps(), assessment, "now", "next", "later")),
        section("metrics", metrics()),
        section("risks", risks()),
        section("references", references()));
    return new Report(Report.SCHEMA_VERSION, toolVersion, settings.project().value(), date, sections, facts.all(),
        findings, assessment, verdict);
  }

  private static Section section(String id, List<Line> lines) {
    return new Section(id, SectionTitles.title(id), lines);
  }

  // ---- Executive Summary -------------------------------------------------------------------------------------

  private List<Line> executiveSummary(RunVerdict verdict) {
    List<Line> out = new ArrayList<>();
    // The headline is the verdict's own sentence, so it cannot disagree with the exit code or the stderr line.
    String sentence = verdict.sentence();
    out.add(bullet(0, verdict.status(), "Verdict: " + sentence, "", List.of()));
    for (String id : List.of("ci-last-push-green", "ci-workflow-wired", "fork-branch-checked-out", "tag-present",
        "smokes-pass", "smoke-paths-tracked", "happypath-aligned", "capabilities-verified", "upstream-merged",
        "worktree-clean")) {
      finding(id).ifPresent(f -> out.add(bullet(0, f.status(), f.label() + ": " + f.reason(),
          firstCommand(f.basedOn()), f.basedOn())));
    }
    changesSinceLastReport(out);
    return out;
  }

  private void changesSinceLastReport(List<Line> out) {
    if (previous.facts().isEmpty()) {
      out.add(bullet(0, null, "Changes since the last report: " + (previous.existed()
          ? "none can be named: the previous report carries no forkstate facts" : "none: this is the first report"),
          "", List.of()));
      return;
    }
    List<String> changes = FactChanges.between(previous.facts().get(), FactDigest.of(facts.all()));
    out.add(bullet(0, null, "Changes since the last report:" + (changes.isEmpty() ? " none" : ""), "", List.of()));
    changes.forEach(c -> out.add(bullet(1, null, c, "", List.of())));
  }

  // ---- Capabilities ------------------------------------------------------------------------------------------

  private List<Line> capabilities() {
    List<Line> out = new ArrayList<>();
    List<Fact> claimed = facts.withPrefix("capability.");
    if (!claimed.isEmpty()) {
      out.add(bullet(0, null, "Claimed in forkstate.yml, each checked against its evidence:", "", List.of()));
      claimed.forEach(f -> out.add(factLine(1, f, "")));
    } else {
      factBullet(out, 0, "capabilities.claimed", "Capability claims:");
    }
    facts.get("python.added-modules").ifPresent(f -> {
      out.add(factLine(0, f, ""));
      items(out, f, 1, MAX_ITEMS);
    });
    factBullet(out, 0, "tests.added-folders", "");
    Optional<Fact> added = facts.get("upstream.files.added");
    if (added.isPresent() && added.get().value() instanceof Value.Changes ch && !ch.files().isEmpty()) {
      out.add(bullet(0, added.get().status(), "What the fork adds, by folder (files added since the merge-base):",
          added.get().command(), List.of(added.get().id())));
      TreeMap<String, long[]> byDir = new TreeMap<>();
      for (Value.FileChange f : ch.files()) {
        long[] agg = byDir.computeIfAbsent(folder(f.path()), k -> new long[2]);
        agg[0]++;
        agg[1] += f.added();
      }
      byDir.forEach((dir, agg) -> out.add(bullet(1, null, CodeSpan.of(dir) + ": " + Noun.count(agg[0], "file") + ", +"
          + agg[1] + " lines", "", List.of())));
    } else {
      factBullet(out, 0, "upstream.files.added", "Files the fork added:");
    }
    return out;
  }

  /** The first two levels of a path ("minilm/extras/"), or "(root)". */
  private static String folder(String path) {
    String[] parts = path.split("/");
    if (parts.length == 1) {
      return "(root)";
    }
    return parts.length == 2 ? parts[0] + "/" : parts[0] + "/" + parts[1] + "/";
  }

  // ---- Validation Status -------------------------------------------------------------------------------------

  private List<Line> validation() {
    List<Line> out = new ArrayList<>();
    out.add(bullet(0, null, "Settings: fork branch " + setting(settings.forkBranch()) + ", upstream "
        + setting(settings.upstreamRef()) + ", CI workflow " + setting(settings.ciWorkflow()), "", List.of()));
    for (String id : List.of("git.branch.current", "git.head.sha", "git.describe", "git.tags.at-head",
        "git.tags.nearest", "git.tracking.remote", "git.tracking.ahead", "git.tracking.behind",
        "git.worktree.dirty", "git.worktree.untracked", "git.shallow")) {
      factBullet(out, 0, id, "");
    }
    for (Fact smoke : facts.withPrefix("smoke.")) {
      out.add(factLine(0, smoke, "Smokes (" + smoke.id().value().substring("smoke.".length()) + "):"));
      if (smoke.value() instanceof Value.Tests t) {
        for (Value.TestCase tc : t.notable()) {
          out.add(bullet(1, tc.outcome().equals("skipped") ? Status.WARN : Status.FAIL, tc.outcome() + ": "
              + CodeSpan.of(tc.id()) + (tc.message().isBlank() ? "" : " — " + CodeSpan.of(tc.message())),
              "", List.of(smoke.id())));
        }
      }
    }
    factBullet(out, 0, "live.check", "Live check:");
    factBullet(out, 0, "ci.run.last-push", "CI on the last push:");
    factBullet(out, 0, "ci.run.python-job", "CI job for Python " + settings.ciJob().value() + ":");
    out.add(bullet(0, null, "CI workflow " + setting(settings.ciWorkflow()) + ":", "", List.of()));
    for (Fact f : facts.withPrefix("ci.workflow.")) {
      out.add(factLine(1, f, ""));
    }
    return out;
  }

  private static String setting(dev.forkstate.config.Setting s) {
    return s.isSet() ? CodeSpan.of(s.value()) + " (" + s.source() + ")" : "not set (" + s.source() + ")";
  }

  // ---- Comparison --------------------------------------------------------------------------------------------

  private List<Line> comparison(Assessment assessment) {
    List<Line> out = new ArrayList<>();
    out.add(bullet(0, null, "Prompt (verbatim):", "", List.of()));
    out.add(new Line.Quote(assessment.prompt()));
    out.add(bullet(0, null, answerHeader(assessment), "", List.of()));
    for (Assessment.Point p : assessment.points()) {
      out.add(new Line.Cited(1, p.text(), p.cites()));
    }
    if (!assessment.dropped().isEmpty()) {
      out.add(bullet(1, null, "Dropped by the checks:", "", List.of()));
      assessment.dropped().forEach(d -> out.add(bullet(2, null, "\"" + d.text() + "\": " + d.why(), "",
          List.of())));
    }
    out.add(bullet(0, null, "Measured drift:", "", List.of()));
    List<Fact> upstream = facts.withPrefix("upstream.");
    if (!upstream.isEmpty() && upstream.stream().allMatch(f -> f.status() == Status.UNKNOWN
        && f.reason().equals(upstream.get(0).reason()))) {
      out.add(factLine(1, upstream.get(0), "all upstream facts:"));
    } else {
      drift(out);
    }
    upstreamability(out);
    footnotes(out, assessment);
    return out;
  }

  /** What of the fork is upstream already, what a merge would do, and where the PR branches stand. */
  private void upstreamability(List<Line> out) {
    List<String> ids = List.of("upstream.patches.fork-only", "upstream.patches.upstreamed", "upstream.merge-preview",
        "upstream.last-merge", "upstream.merge-base-age");
    List<Fact> prs = facts.withPrefix("pr.");
    if (ids.stream().noneMatch(id -> facts.get(id).isPresent()) && prs.isEmpty()) {
      return;
    }
    out.add(bullet(0, null, "Upstreamability:", "", List.of()));
    for (String id : ids) {
      facts.get(id).ifPresent(f -> {
        out.add(factLine(1, f, ""));
        if (f.value() instanceof Value.Paths p) {
          p.paths().stream().limit(MAX_ITEMS).forEach(item -> out.add(bullet(2, null, item, "", List.of())));
        }
      });
    }
    if (!prs.isEmpty()) {
      out.add(bullet(1, null, "PR branches (" + String.join(", ", settings.prBranches()) + "):", "", List.of()));
      for (Fact f : prs) {
        out.add(factLine(2, f, ""));
        items(out, f, 3, MAX_ITEMS);
      }
    }
  }

  private static String answerHeader(Assessment a) {
    if (a.byModel()) {
      int kept = a.points().size();
      return "Answer (written by " + a.writer() + ", cache key " + a.cacheKey().substring(0, 12)
          + "; checked against the facts: " + Noun.count(kept, "point") + " kept, " + a.dropped().size()
          + " dropped; every point cites its facts):";
    }
    return "Answer (written by " + a.writer() + (a.fallback().isEmpty() ? "" : ", because " + a.fallback())
        + "; every point cites its facts):";
  }

  /** What each cited fact measured, once, as the footnotes the assessment's short links point to. */
  private void footnotes(List<Line> out, Assessment a) {
    java.util.TreeSet<FactId> cited = new java.util.TreeSet<>();
    a.points().forEach(p -> cited.addAll(p.cites()));
    a.drafts().values().forEach(ps -> ps.forEach(p -> cited.addAll(p.cites())));
    for (FactId id : cited) {
      Optional<Fact> f = facts.get(id.value());
      if (f.isEmpty()) {
        out.add(new Line.Note(id, Status.UNKNOWN, "not measured in this run", ""));
        continue;
      }
      Line.Bullet b = (Line.Bullet) factLine(0, f.get(), "");
      out.add(new Line.Note(id, b.status(), b.text(), b.command()));
    }
  }

  /** A model's draft of a section, under the rule-based lines (which stay), each point with its short links. */
  private static List<Line> withDraft(List<Line> lines, Assessment a, String... keys) {
    List<Line> out = new ArrayList<>(lines);
    boolean any = false;
    for (String key : keys) {
      List<Assessment.Point> points = a.drafts().getOrDefault(key, List.of());
      if (points.isEmpty()) {
        continue;
      }
      if (!any) {
        out.add(bullet(0, null, "Drafted by " + a.writer() + ", checked against the facts:", "", List.of()));
        any = true;
      }
      String prefix = keys.length > 1 ? Character.toUpperCase(key.charAt(0)) + key.substring(1) + ": " : "";
      points.forEach(p -> out.add(new Line.Cited(1, prefix + p.text(), p.cites())));
    }
    return out;
  }

  private void drift(List<Line> out) {
    for (String id : List.of("upstream.merge-base", "upstream.ahead", "upstream.behind", "upstream.commits",
        "upstream.merges", "upstream.areas")) {
      factBullet(out, 1, id, "");
    }
    for (String id : List.of("upstream.files.added", "upstream.files.modified", "upstream.files.deleted")) {
      Optional<Fact> f = facts.get(id);
      if (f.isEmpty()) {
        continue;
      }
      out.add(factLine(1, f.get(), ""));
      if (!id.endsWith("added") && f.get().value() instanceof Value.Changes ch) {
        heaviest(ch).forEach(fc -> out.add(bullet(2, null, CodeSpan.of(fc.path()) + " +" + fc.added() + " -"
            + fc.deleted(), "", List.of(f.get().id()))));
      }
    }
  }

  private static List<Value.FileChange> heaviest(Value.Changes ch) {
    return ch.files().stream()
        .sorted(Comparator.comparingLong((Value.FileChange f) -> -(f.added() + f.deleted()))
            .thenComparing(Value.FileChange::path))
        .limit(TOP_FILES).toList();
  }

  // ---- Advantages and Gaps -----------------------------------------------------------------------------------

  private List<Line> advantages() {
    List<Line> out = new ArrayList<>();
    finding("smokes-pass").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(bullet(0, Status.PASS, "Smoke suite green: " + f.reason(), firstCommand(f.basedOn()), f.basedOn())));
    changes("upstream.files.added").filter(ch -> !ch.files().isEmpty()).ifPresent(ch ->
        out.add(bullet(0, Status.PASS, "Fork code kept in " + Noun.count(ch.files().size(), "new file") + " (+" + ch.added()
            + " lines) rather than in upstream files", fact("upstream.files.added").command(),
            List.of(FactId.of("upstream.files.added")))));
    facts.get("git.tags.at-head").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(factLine(0, f, "Release is named:")));
    finding("upstream-merged").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(bullet(0, f.status(), "Current with upstream: " + f.reason(), firstCommand(f.basedOn()),
            f.basedOn())));
    facts.get("python.guarded-imports").filter(f -> f.value() instanceof Value.Paths p && !p.paths().isEmpty())
        .ifPresent(f -> out.add(factLine(0, f, "Import-time robustness:")));
    facts.get("tests.added-folders").filter(f -> f.value() instanceof Value.Paths p && !p.paths().isEmpty())
        .ifPresent(f -> out.add(factLine(0, f, "Own tests:")));
    facts.get("happypath.flags").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(factLine(0, f, "Minimal surface:")));
    facts.get("happypath.determinism").filter(f -> f.status() == Status.PASS).ifPresent(f ->
        out.add(factLine(0, f, "Deterministic smokes:")));
    if (out.isEmpty()) {
      out.add(bullet(0, Status.UNKNOWN, "No advantage is supported by a measured fact yet.", "", List.of()));
    }
    return out;
  }

  private List<Line> gaps() {
    List<Line> out = new ArrayList<>();
    finding("upstream-merged").filter(f -> f.status() != Status.PASS).ifPresent(f ->
        out.add(bullet(0, f.status(), "Upstream drift: " + f.reason(), firstCommand(f.basedOn()), f.basedOn())));
    changes("upstream.files.modified").filter(ch -> !ch.files().isEmpty()).ifPresent(ch ->
        out.add(bullet(0, Status.WARN, Noun.count(ch.files().size(), "upstream file") + " with fork edits (+" + ch.added()
            + " -" + ch.deleted() + " lines): each is a merge-conflict site", fact("upstream.files.modified")
            .command(), List.of(FactId.of("upstream.files.modified")))));
    int skipped = skippedTests();
    if (skipped > 0) {
      out.add(bullet(0, Status.WARN, Noun.count(skipped, "smoke test") + " skipped: a skipped test proves nothing", "",
          smokeIds()));
    }
    for (String[] rule : new String[][] {{"happypath.flags", "Flag sprawl:"}, {"happypath.defaults",
        "Public API drift:"}, {"happypath.determinism", "Flaky smokes:"}, {"happypath.imports",
        "Import-time fragility:"}, {"happypath.copy-paste", "Commands that do not paste:"}}) {
      facts.get(rule[0]).filter(f -> f.status() == Status.FAIL).ifPresent(f -> out.add(factLine(0, f, rule[1])));
    }
    out.add(bullet(0, Status.UNKNOWN, "Performance vs upstream: not measured; no speed claim is supported", "",
        List.of()));
    List<Fact> unknown = facts.all().stream().filter(f -> f.status() == Status.UNKNOWN).toList();
    if (!unknown.isEmpty()) {
      out.add(bullet(0, Status.UNKNOWN, "Not measured: " + String.join(", ", unknown.stream()
          .map(f -> CodeSpan.of(f.id().value())).toList()), "", unknown.stream().map(Fact::id).toList()));
    }
    return out;
  }

  // ---- HAPPYPATH ---------------------------------------------------------------------------------------------

  private List<Line> happypath() {
    List<Line> out = new ArrayList<>();
    out.add(bullet(0, null, "Guide: " + setting(settings.guide()), "", List.of()));
    facts.withPrefix("ref.guide.").forEach(f -> out.add(factLine(0, f, "")));
    for (String[] rule : new String[][] {{"happypath.flags", "No new flags:"},
        {"happypath.defaults", "Defaults unchanged:"}, {"happypath.determinism", "Deterministic smokes:"},
        {"happypath.copy-paste", "Copy-paste commands:"}, {"happypath.imports", "Import-time robustness:"}}) {
      facts.get(rule[0]).ifPresent(f -> {
        out.add(factLine(0, f, rule[1]));
        items(out, f, 1, MAX_ITEMS);
      });
    }
    factBullet(out, 0, "python.changes", "Scope:");
    return out;
  }

  /** The items a fact lists (violations, modules), one sub-bullet each at {@code depth}, at most {@code max}. */
  private static void items(List<Line> out, Fact f, int depth, int max) {
    if (!(f.value() instanceof Value.Paths p)) {
      return;
    }
    p.paths().stream().limit(max).forEach(item -> out.add(bullet(depth, null, item, "", List.of())));
    if (p.paths().size() > max) {
      out.add(bullet(depth, null, "… and " + (p.paths().size() - max) + " more in the JSON", "", List.of()));
    }
  }

  // ---- Next steps --------------------------------------------------------------------------------------------

  private List<Line> nextSteps() {
    List<Line> out = new ArrayList<>();
    out.add(bullet(0, null, "Now (every FAIL):", "", List.of()));
    addAll(out, Status.FAIL);
    out.add(bullet(0, null, "Next (every WARN or UNKNOWN):", "", List.of()));
    addAll(out, Status.WARN, Status.UNKNOWN);
    out.add(bullet(0, null, "Later (skipped this run):", "", List.of()));
    addAll(out, Status.SKIPPED);
    return out;
  }

  /**
   * One bullet per distinct problem: facts with the same status, text and command (eight upstream facts that are
   * all UNKNOWN for want of an upstream ref, say) share a bullet that names them all.
   */
  private void addAll(List<Line> out, Status... statuses) {
    java.util.LinkedHashMap<List<String>, List<Fact>> groups = new java.util.LinkedHashMap<>();
    for (Fact f : facts.all()) {
      if (List.of(statuses).contains(f.status())) {
        groups.computeIfAbsent(List.of(f.status().name(), f.summary(), f.reason(), f.command()),
            k -> new ArrayList<>()).add(f);
      }
    }
    for (List<Fact> group : groups.values()) {
      String ids = String.join(", ", group.stream().map(f -> CodeSpan.of(f.id().value())).toList());
      Line.Bullet first = (Line.Bullet) factLine(1, group.get(0), ids);
      out.add(bullet(1, first.status(), first.text(), first.command(), group.stream().map(Fact::id).toList()));
    }
    if (groups.isEmpty()) {
      out.add(bullet(1, null, "nothing", "", List.of()));
    }
  }

  // ---- Metrics -----------------------------------------------------------------------------------------------

  private List<Line> metrics() {
    List<Line> out = new ArrayList<>();
    for (Fact smoke : facts.withPrefix("smoke.")) {
      if (smoke.value() instanceof Value.Tests t) {
        int ran = t.total() - t.skipped();
        String rate = ran == 0 ? "n/a (no test ran)" : String.format(java.util.Locale.ROOT, "%.1f%%",
            100.0 * t.passed() / ran);
        out.add(bullet(0, smoke.status(), "Smoke pass rate (" + smoke.id().value() + "): " + rate + " ("
            + t.passed() + "/" + ran + " run, " + t.skipped() + " skipped; target 100%)", smoke.command(),
            List.of(smoke.id())));
      } else {
        out.add(factLine(0, smoke, "Smoke pass rate (" + smoke.id().value() + "): not countable:"));
      }
    }
    metric(out, "upstream.behind", "Commits behind upstream:");
    metric(out, "upstream.ahead", "Fork commits ahead of upstream:");
    changes("upstream.files.modified").ifPresent(ch -> out.add(bullet(0, null, "Upstream files modified: "
        + ch.files().size(), fact("upstream.files.modified").command(),
        List.of(FactId.of("upstream.files.modified")))));
    metric(out, "git.tracking.ahead", "Unpushed commits:");
    for (Fact f : facts.withPrefix("metrics.")) {
      out.add(factLine(0, f, f.id().value().startsWith("metrics.import.") ? "Import-time:" : "Metric:"));
    }
    for (String[] t : new String[][] {{"history.smoke-pass-rate", "Smokes over runs:"},
        {"history.behind", "Drift over runs:"}, {"history.drift-per-week", "Drift rate:"},
        {"history.days-since-upstream", "Upstream last taken in:"}, {"history.flaky", "Flaky smokes over runs:"},
        {"history.runs", "History:"}}) {
      factBullet(out, 0, t[0], t[1]);
    }
    facts.text("history.chart").ifPresent(file -> out.add(bullet(0, null, "Trend (green: smoke pass rate; orange: "
        + "commits behind upstream): ![trend chart](<" + file + ">)", "", List.of(FactId.of("history.chart")))));
    return out;
  }

  private void metric(List<Line> out, String id, String label) {
    facts.get(id).ifPresent(f -> out.add(f.value() instanceof Value.Count c
        ? bullet(0, null, label + " " + c.n(), f.command(), List.of(f.id()))
        : factLine(0, f, label)));
  }

  // ---- Risks -------------------------------------------------------------------------------------------------

  private List<Line> risks() {
    List<Line> out = new ArrayList<>();
    facts.count("upstream.behind").filter(n -> n > 0).ifPresent(n -> out.add(bullet(0, Status.WARN,
        "Drift: " + Noun.count(n, "upstream commit") + " not merged. Mitigation: merge upstream in small steps, "
            + "then rerun the smokes", "git merge " + settings.upstreamRef().value(),
        List.of(FactId.of("upstream.behind")))));
    changes("upstream.files.modified").ifPresent(ch -> heaviest(ch).stream().filter(f -> f.added() + f.deleted() > 0)
        .forEach(f -> out.add(bullet(0, Status.WARN, "Conflict risk in " + CodeSpan.of(f.path()) + " (+"
            + f.added() + " -" + f.deleted() + " fork lines in an upstream file). Mitigation: keep the edit behind a "
            + "seam, or upstream it", "git diff " + mergeBaseExpr() + " HEAD -- " + dev.forkstate.exec.ShellQuote.quote(f.path()),
            List.of(FactId.of("upstream.files.modified"))))));
    int skipped = skippedTests();
    if (skipped > 0) {
      out.add(bullet(0, Status.WARN, "Coverage: " + Noun.count(skipped, "smoke test") + " skipped. Mitigation: provide what they "
          + "need on CI (see the skip reasons in Validation Status)", "", smokeIds()));
    }
    facts.withPrefix("ref.").stream().filter(f -> f.status() != Status.PASS).forEach(f ->
        out.add(factLine(0, f, "Cited path not committed:")));
    facts.get("git.shallow").filter(f -> f.status() == Status.WARN).ifPresent(f ->
        out.add(factLine(0, f, "History:")));
    facts.get("upstream.merge-preview").filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN)
        .ifPresent(f -> out.add(bullet(0, f.status(), "Merge conflicts ahead: " + f.summary() + ". Mitigation: "
            + "merge upstream now, in small steps, or move the fork's edits behind a seam", f.command(),
            List.of(f.id()))));
    facts.withPrefix("pr.").stream().filter(f -> f.status() == Status.WARN).forEach(f ->
        out.add(factLine(0, f, "PR branch:")));
    if (out.isEmpty()) {
      out.add(bullet(0, null, "No rule-based risk is triggered by the measured facts.", "", List.of()));
    }
    return out;
  }

  private String mergeBaseExpr() {
    return "$(git merge-base HEAD " + settings.upstreamRef().value() + ")";
  }

  // ---- References --------------------------------------------------------------------------------------------

  private List<Line> references() {
    List<Line> out = new ArrayList<>();
    for (Fact f : facts.withPrefix("ref.")) {
      out.add(factLine(0, f, ""));
    }
    if (out.isEmpty()) {
      out.add(bullet(0, null, "No paths cited.", "", List.of()));
    }
    out.add(bullet(0, null, "All " + facts.all().size() + " facts with their evidence: ", "forkstate generate "
        + "--format json --out -", List.of()));
    return out;
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private Optional<Finding> finding(String id) {
    return findings.stream().filter(f -> f.checkId().equals(id)).findFirst();
  }

  private Fact fact(String id) {
    return facts.get(id).orElseThrow();
  }

  private Optional<Value.Changes> changes(String id) {
    return facts.get(id).filter(f -> f.value() instanceof Value.Changes).map(f -> (Value.Changes) f.value());
  }

  private int skippedTests() {
    return facts.withPrefix("smoke.").stream().filter(f -> f.value() instanceof Value.Tests)
        .mapToInt(f -> ((Value.Tests) f.value()).skipped()).sum();
  }

  private List<FactId> smokeIds() {
    return facts.withPrefix("smoke.").stream().map(Fact::id).toList();
  }

  private String firstCommand(List<FactId> ids) {
    return ids.stream().map(id -> facts.get(id.value())).flatMap(Optional::stream).map(Fact::command)
        .filter(c -> !c.isEmpty()).findFirst().orElse("");
  }

  private void factBullet(List<Line> out, int depth, String id, String label) {
    facts.get(id).ifPresent(f -> out.add(factLine(depth, f, label)));
  }

  /** A fact as a bullet: label, summary, and for anything not PASS the reason. */
  private static Line factLine(int depth, Fact f, String label) {
    StringBuilder text = new StringBuilder();
    String summary = f.summary();
    if (!label.isEmpty()) {
      text.append(label).append(' ');
    } else if (summary.isEmpty()) {
      text.append(CodeSpan.of(f.id().value())).append(": "); // nothing says what this is but its id
    }
    text.append(summary);
    if (!f.reason().isBlank() && !f.reason().equals(summary)) {
      text.append(summary.isEmpty() ? "" : " — ").append(f.reason());
    }
    return bullet(depth, f.status(), text.toString().strip(), f.command(), List.of(f.id()));
  }

  private static Line bullet(int depth, Status status, String text, String command, List<FactId> ids) {
    return new Line.Bullet(depth, status, text, command, ids);
  }
}
