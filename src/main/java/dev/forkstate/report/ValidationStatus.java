package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;
import static dev.forkstate.report.Bullets.setting;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings used, the git state, every smoke with its notable tests, the live check and CI. */
final class ValidationStatus implements SectionWriter {
  private static final List<FactId> GIT_FACTS = List.of(FactIds.GIT_BRANCH_CURRENT, FactIds.GIT_HEAD_SHA,
      FactIds.GIT_DESCRIBE, FactIds.GIT_TAGS_AT_HEAD, FactIds.GIT_TAGS_NEAREST, FactIds.GIT_TAGS_UPSTREAM_BASE,
      FactIds.GIT_TRACKING_REMOTE,
      FactIds.GIT_TRACKING_AHEAD, FactIds.GIT_TRACKING_BEHIND, FactIds.GIT_WORKTREE_DIRTY,
      FactIds.GIT_WORKTREE_UNTRACKED, FactIds.GIT_SHALLOW);

  private final FactSet facts;
  private final Settings settings;

  ValidationStatus(FactSet facts, Settings settings) {
    this.facts = facts;
    this.settings = settings;
  }

  @Override
  public String id() {
    return "validation-status";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    out.add(plain(0, Phrase.of("Settings: fork branch ").then(setting(settings.forkBranch(), Phrase.Kind.BRANCH))
        .then(", upstream ").then(setting(settings.upstreamRef(), Phrase.Kind.REF)).then(", CI workflow ")
        .then(setting(settings.ciWorkflow(), Phrase.Kind.PATH))));
    Map<FactId, String> git = new LinkedHashMap<>();
    GIT_FACTS.forEach(id -> git.put(id, ""));
    addGrouped(out, 0, git);
    for (Fact smoke : facts.withPrefix(FactIds.SMOKE_PREFIX)) {
      out.add(Bullets.fact(0, smoke, "Smokes (" + FactIds.SMOKE_PREFIX.rest(smoke.id()) + "):"));
      if (smoke.value() instanceof Value.Tests t) {
        // A suite that fails wholesale lists its first tests; the rest are one line away in the JSON.
        // Tests that failed the same way share one line: the message once, the tests named.
        Map<List<String>, List<String>> byCause = new LinkedHashMap<>();
        t.notable().stream().limit(Bullets.IN_VIEW_ITEMS).forEach(tc -> byCause
            .computeIfAbsent(List.of(tc.outcome(), tc.message()), k -> new ArrayList<>()).add(tc.id()));
        byCause.forEach((cause, ids) -> {
          String outcome = cause.get(0);
          Phrase line = Phrase.of(outcome + (ids.size() > 1 ? " (" + ids.size() + ")" : "") + ": ");
          for (int i = 0; i < ids.size(); i++) {
            line = (i == 0 ? line : line.then(", ")).then(Phrase.Kind.TEST_ID, ids.get(i));
          }
          out.add(bullet(1, outcome.equals("skipped") ? Status.WARN : Status.FAIL, cause.get(1).isBlank() ? line
              : line.then(" — ").then(Phrase.Kind.CODE, cause.get(1)), "", List.of(smoke.id())));
        });
        if (t.notable().size() > Bullets.IN_VIEW_ITEMS) {
          out.add(Bullets.more(1, t.notable().size() - Bullets.IN_VIEW_ITEMS, smoke, "notable"));
        }
      }
    }
    Bullets.addFact(out, facts, 0, FactIds.LIVE_CHECK, "Live check:");
    Map<FactId, String> ciRuns = new LinkedHashMap<>();
    ciRuns.put(FactIds.CI_RUN_LAST_PUSH, "CI on the last push");
    ciRuns.put(FactIds.CI_RUN_PYTHON_JOB, "CI job for Python " + settings.ciJob().value());
    addGrouped(out, 0, ciRuns);
    out.add(plain(0, Phrase.of("CI workflow ").then(setting(settings.ciWorkflow(), Phrase.Kind.PATH)).then(":")));
    Map<FactId, String> workflow = new LinkedHashMap<>();
    facts.withPrefix(FactIds.CI_WORKFLOW_PREFIX).forEach(f -> workflow.put(f.id(), ""));
    addGrouped(out, 1, workflow);
    return Folds.attentionFirst(out, "Checks that pass and what was measured");
  }

  /**
   * The facts measured of these (id to label, "" for none), one bullet each, except that facts with the same status,
   * words and command (CI facts skipped offline, tracking counts without a tracking remote) share one bullet naming
   * them all: the cause is said once. Typed data decides, never the wording shown.
   */
  private void addGrouped(List<Line> out, int depth, Map<FactId, String> labels) {
    Map<List<Object>, List<Fact>> groups = new LinkedHashMap<>();
    labels.keySet().forEach(id -> facts.get(id).ifPresent(f -> groups.computeIfAbsent(List.of(f.status(),
        f.summaryPhrase(), f.reasonPhrase(), f.command()), k -> new ArrayList<>()).add(f)));
    for (List<Fact> group : groups.values()) {
      Fact first = group.get(0);
      String label = labels.get(first.id());
      if (group.size() == 1) {
        out.add(Bullets.fact(depth, first, label.isEmpty() ? "" : label + ":"));
        continue;
      }
      List<FactId> ids = group.stream().map(Fact::id).toList();
      Phrase names = label.isEmpty()
          ? Phrase.items(Phrase.Kind.CODE, ids.stream().map(FactId::value).toList(), ", ")
          : Phrase.of(String.join(", ", group.stream().map(f -> labels.get(f.id())).toList()));
      out.add(bullet(depth, first.status(), Phrase.describing(names.then(":"), first), first.command(), ids));
    }
  }
}
