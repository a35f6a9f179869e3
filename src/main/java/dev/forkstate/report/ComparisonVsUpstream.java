package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.assess.Assessment;
import dev.forkstate.check.ConflictSites;
import dev.forkstate.config.Settings;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The blunt assessment: the prompt verbatim, the answer with the facts each point cites, the measured drift, what
 * of the fork is upstream already, and one footnote per cited fact.
 */
final class ComparisonVsUpstream implements SectionWriter {
  private static final List<FactId> DRIFT_COUNTS = List.of(FactIds.UPSTREAM_MERGE_BASE, FactIds.UPSTREAM_AHEAD,
      FactIds.UPSTREAM_BEHIND, FactIds.UPSTREAM_COMMITS, FactIds.UPSTREAM_MERGES, FactIds.UPSTREAM_AREAS);
  private static final List<FactId> DRIFT_FILES = List.of(FactIds.UPSTREAM_FILES_ADDED, FactIds.UPSTREAM_FILES_MODIFIED,
      FactIds.UPSTREAM_FILES_DELETED);
  private static final List<FactId> UPSTREAMABILITY = List.of(FactIds.UPSTREAM_PATCHES_FORK_ONLY,
      FactIds.UPSTREAM_PATCHES_UPSTREAMED, FactIds.UPSTREAM_PATCHES_SUPERSEDED, FactIds.UPSTREAM_MERGE_PREVIEW,
      FactIds.UPSTREAM_LAST_MERGE, FactIds.UPSTREAM_MERGE_BASE_AGE);

  private final FactSet facts;
  private final Settings settings;
  private final Assessment assessment;

  ComparisonVsUpstream(FactSet facts, Settings settings, Assessment assessment) {
    this.facts = facts;
    this.settings = settings;
    this.assessment = assessment;
  }

  @Override
  public String id() {
    return "comparison-vs-upstream";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    out.add(plain(0, "Prompt (verbatim):"));
    out.add(new Line.Quote(assessment.prompt()));
    out.add(plain(0, answerHeader(assessment)));
    for (Assessment.Point p : assessment.points()) {
      out.add(new Line.Cited(1, p.text(), p.cites()));
    }
    if (!assessment.dropped().isEmpty()) {
      out.add(plain(1, "Dropped by the checks:"));
      assessment.dropped().forEach(d -> out.add(plain(2, "\"" + d.text() + "\": " + d.why())));
    }
    List<Line> rest = new ArrayList<>();
    rest.add(plain(0, "Measured drift:"));
    List<Fact> upstream = facts.withPrefix(FactIds.UPSTREAM_PREFIX);
    // One line instead of a dozen when every upstream fact is UNKNOWN for the same reason (no upstream ref, say).
    if (!upstream.isEmpty() && upstream.stream().allMatch(f -> f.status() == Status.UNKNOWN
        && f.reason().equals(upstream.get(0).reason()))) {
      rest.add(Bullets.fact(1, upstream.get(0), "all upstream facts:"));
    } else {
      drift(rest);
    }
    upstreamability(rest);
    footnotes(rest);
    return Folds.after(out, "Measured drift, upstreamability and the facts the answer cites", rest);
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

  private void drift(List<Line> out) {
    for (FactId id : DRIFT_COUNTS) {
      Bullets.addFact(out, facts, 1, id, "");
    }
    for (FactId id : DRIFT_FILES) {
      Optional<Fact> f = facts.get(id);
      if (f.isEmpty()) {
        continue;
      }
      out.add(Bullets.fact(1, f.get(), ""));
      if (!id.equals(FactIds.UPSTREAM_FILES_ADDED) && f.get().value() instanceof Value.Changes ch) {
        List<Value.FileChange> heaviest = ConflictSites.heaviest(ch);
        heaviest.forEach(fc -> out.add(bullet(2, null, Phrase.of(Phrase.Kind.PATH, fc.path())
            .then(" +" + fc.added() + " -" + fc.deleted()), "", List.of(f.get().id()))));
        if (ch.files().size() > heaviest.size()) {
          out.add(Bullets.more(2, ch.files().size() - heaviest.size(), f.get(), "files"));
        }
      }
    }
  }

  /** What of the fork is upstream already, what a merge would do, and where the PR branches stand. */
  private void upstreamability(List<Line> out) {
    List<Fact> prs = facts.withPrefix(FactIds.PR_PREFIX);
    if (UPSTREAMABILITY.stream().noneMatch(id -> facts.get(id).isPresent()) && prs.isEmpty()) {
      return;
    }
    out.add(plain(0, "Upstreamability:"));
    for (FactId id : UPSTREAMABILITY) {
      facts.get(id).ifPresent(f -> {
        out.add(Bullets.fact(1, f, ""));
        if (id.equals(FactIds.UPSTREAM_PATCHES_FORK_ONLY) && !Bullets.entries(f.value()).isEmpty()) {
          // Per-area counts add up to more than the commits: say what they count.
          out.add(plain(2, "those commits by area: commits touching each area (a commit may touch several):"));
          out.addAll(Bullets.items(f, 3, Bullets.MAX_ITEMS));
        } else {
          out.addAll(Bullets.items(f, 2, Bullets.MAX_ITEMS));
        }
      });
    }
    if (!prs.isEmpty()) {
      // The patterns are the config's (pr/*): items, so a * shows as written.
      out.add(plain(1, Phrase.of("PR branches (").then(Phrase.items(Phrase.Kind.BRANCH, settings.prBranches(), ", "))
          .then("):")));
      for (Fact f : prs) {
        out.add(Bullets.fact(2, f, ""));
        out.addAll(Bullets.items(f, 3, Bullets.MAX_ITEMS));
      }
    }
  }

  /** What each cited fact measured, once, as the footnotes the assessment's short links point to. */
  private void footnotes(List<Line> out) {
    TreeSet<FactId> cited = new TreeSet<>();
    assessment.points().forEach(p -> cited.addAll(p.cites()));
    assessment.drafts().values().forEach(ps -> ps.forEach(p -> cited.addAll(p.cites())));
    for (FactId id : cited) {
      Optional<Fact> f = facts.get(id.value());
      if (f.isEmpty()) {
        out.add(new Line.Note(id, Status.UNKNOWN, Phrase.of("not measured in this run"), ""));
        continue;
      }
      Line.Bullet b = (Line.Bullet) Bullets.fact(0, f.get(), "");
      out.add(new Line.Note(id, b.status(), b.text(), b.command()));
    }
  }
}
