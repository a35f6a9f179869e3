package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.check.Finding;
import dev.forkstate.check.RunVerdict;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The verdict, every headline check's answer, and what changed since the last report. */
final class ExecutiveSummary implements SectionWriter {
  /** The checks the summary names, in the order a reader asks about them (not id order). */
  private static final List<String> HEADLINE_CHECKS = List.of("ci-last-push-green", "ci-workflow-wired",
      "fork-branch-checked-out", "tag-present", "smokes-pass", "smoke-paths-tracked", "happypath-aligned",
      "capabilities-verified", "upstream-merged", "worktree-clean");

  /** The checks whose answer is a headline number (CI, smokes, drift): in view even when they pass. */
  private static final Set<String> HEADLINE_NUMBERS = Set.of("ci-last-push-green", "smokes-pass", "upstream-merged");

  /** The statuses whose findings are grouped by cause: questions not answered, for a reason that can be shared. */
  private static final Set<Status> SHARED_CAUSE = Set.of(Status.SKIPPED, Status.UNKNOWN);

  private final FactSet facts;
  private final List<Finding> findings;
  private final RunVerdict verdict;
  private final PreviousReport previous;

  ExecutiveSummary(FactSet facts, List<Finding> findings, RunVerdict verdict, PreviousReport previous) {
    this.facts = facts;
    this.findings = findings;
    this.verdict = verdict;
    this.previous = previous;
  }

  @Override
  public String id() {
    return "executive-summary";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    // The headline is the verdict's own sentence, so it cannot disagree with the exit code or the stderr line.
    out.add(bullet(0, verdict.status(), "Verdict: " + verdict.sentence(), "", List.of()));
    List<Finding> headline = HEADLINE_CHECKS.stream()
        .flatMap(id -> findings.stream().filter(f -> f.checkId().equals(id)).findFirst().stream()).toList();
    // Checks not answered for one shared cause (no CI workflow, no upstream ref) are one bullet, not one each: the
    // key is the status and the reason phrase as typed data, never the display wording.
    Map<List<Object>, List<Finding>> byCause = new LinkedHashMap<>();
    for (Finding f : headline) {
      List<Object> key = SHARED_CAUSE.contains(f.status()) && !f.reason().isEmpty()
          ? List.of(f.status(), f.reason()) : List.of(f.checkId());
      byCause.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    // What failed or could not be told leads (FAIL, WARN, UNKNOWN, SKIPPED), then the headline numbers; a check that
    // passes and is no headline number (fork branch, smoke paths) folds: its bullet in full, one click away.
    List<List<Finding>> groups = new ArrayList<>(byCause.values());
    groups.sort(java.util.Comparator.comparingInt(g -> Folds.order(g.get(0).status())));
    List<Line> passing = new ArrayList<>();
    for (List<Finding> group : groups) {
      Line line = group.size() == 1 ? single(group.get(0)) : shared(group);
      boolean folds = group.size() == 1 && group.get(0).status() == Status.PASS
          && !HEADLINE_NUMBERS.contains(group.get(0).checkId());
      (folds ? passing : out).add(line);
    }
    changesSinceLastReport(out);
    return Folds.after(out, "Checks that pass (" + passing.size() + ")", passing);
  }

  private Line single(Finding f) {
    return bullet(0, f.status(), Phrase.of(f.label() + ": ").then(f.reason()), worstCommand(f.basedOn()),
        f.basedOn());
  }

  /**
   * The command of the check's worst fact, the one its status comes from; none when that fact has none. A lesser
   * fact's command (the copy-paste rule's `command -v git pytest` beside an UNKNOWN rule) would reproduce something
   * other than what the bullet says.
   */
  private String worstCommand(List<FactId> ids) {
    List<dev.forkstate.fact.Fact> known = ids.stream().map(id -> facts.get(id.value())).flatMap(
        java.util.Optional::stream).toList();
    int worst = known.stream().mapToInt(f -> f.status().severity()).max().orElse(0);
    return known.stream().filter(f -> f.status().severity() == worst && !f.command().isEmpty())
        .map(dev.forkstate.fact.Fact::command).findFirst().orElse("");
  }

  /** "CI on the last push, CI workflow wired: 8 facts skipped (reason)": the checks, how many facts, the cause once. */
  private Line shared(List<Finding> group) {
    Finding first = group.get(0);
    // The facts of the group's status (or not measured at all): a check's passing facts were measured, so they are
    // not counted as not measured.
    List<FactId> all = group.stream().flatMap(f -> f.basedOn().stream()).distinct().sorted().toList();
    List<FactId> ofStatus = all.stream()
        .filter(id -> facts.get(id.value()).map(x -> x.status() == first.status()).orElse(true)).toList();
    List<FactId> ids = ofStatus.isEmpty() ? all : ofStatus;
    String labels = String.join(", ", group.stream().map(Finding::label).toList());
    String what = first.status() == Status.SKIPPED ? " skipped (" : " not measured (";
    return bullet(0, first.status(), Phrase.of(labels + ": " + Noun.count(ids.size(), "fact") + what)
        .then(first.reason()).then(")"), worstCommand(ids), ids);
  }

  private void changesSinceLastReport(List<Line> out) {
    if (previous.facts().isEmpty()) {
      out.add(plain(0, "Changes since the last report: " + (previous.existed()
          ? "none can be named: the previous report carries no forkstate facts" : "none: this is the first report")));
      return;
    }
    List<Phrase> changes = FactChanges.between(previous.facts().get(), FactDigest.of(facts.all()));
    out.add(plain(0, "Changes since the last report:" + (changes.isEmpty() ? " none" : "")));
    changes.forEach(c -> out.add(plain(1, c)));
  }
}
