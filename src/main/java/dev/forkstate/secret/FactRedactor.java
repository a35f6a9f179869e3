package dev.forkstate.secret;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value;
import java.util.List;

/**
 * One pass over the typed facts that masks every secret in every string they hold: values (test ids, failure
 * messages, paths, commit subjects, branch names), the words and items of summaries and reasons, and evidence
 * (commands and output excerpts). It runs once, on the measured facts, before the judge, the history, the model and
 * the renderers see them: so every sink (Markdown, JSON, the facts comment, history.db, the model's request and its
 * cache) gets the same redacted data, and no serialiser can escape a secret out of the redactor's sight. Ids, statuses
 * and numbers are not text from outside and stay as they are.
 */
public final class FactRedactor {
  private final Redactor redactor;

  public FactRedactor(Redactor redactor) {
    this.redactor = redactor;
  }

  public List<Fact> facts(List<Fact> facts) {
    return facts.stream().map(this::fact).toList();
  }

  public Fact fact(Fact f) {
    return new Fact(f.id(), f.status(), value(f.value()), phrase(f.summaryPhrase()), phrase(f.reasonPhrase()),
        f.evidence().stream().map(this::evidence).toList(), f.skip());
  }

  public Evidence evidence(Evidence e) {
    return new Evidence(text(e.command()), e.exitCode(), e.duration(), text(e.excerpt()), e.truncated());
  }

  public Phrase phrase(Phrase p) {
    return new Phrase(p.parts().stream().map(this::part).toList());
  }

  private Phrase.Part part(Phrase.Part part) {
    return part instanceof Phrase.Code c ? new Phrase.Code(c.kind(), text(c.text()))
        : new Phrase.Words(text(part.text()));
  }

  /** Every shape is named: a new shape fails here (and in the test over all shapes) until its text is redacted. */
  public Value value(Value v) {
    if (v instanceof Value.Text t) {
      return new Value.Text(text(t.text()));
    } else if (v instanceof Value.Paths p) {
      return new Value.Paths(texts(p.paths()));
    } else if (v instanceof Value.Items it) {
      return new Value.Items(it.items().stream().map(this::phrase).toList());
    } else if (v instanceof Value.Changes c) {
      return new Value.Changes(c.files().stream()
          .map(f -> new Value.FileChange(text(f.path()), f.added(), f.deleted(), f.binary())).toList());
    } else if (v instanceof Value.Tests t) {
      return new Value.Tests(t.passed(), t.failed(), t.errors(), t.skipped(), t.notable().stream()
          .map(tc -> new Value.TestCase(text(tc.id()), tc.outcome(), text(tc.message()))).toList(),
          texts(t.passedIds()), t.atMergeBase() == null ? null : new Value.Baseline(t.atMergeBase().sha(),
          texts(t.atMergeBase().alsoFailing()), texts(t.atMergeBase().passing()), texts(t.atMergeBase().notThere()),
          text(t.atMergeBase().notCompared())));
    } else if (v instanceof Value.Commits c) {
      return new Value.Commits(c.commits().stream()
          .map(x -> new Value.Commit(x.sha(), text(x.subject()))).toList(), c.total());
    } else if (v instanceof Value.Candidates c) {
      return new Value.Candidates(c.found().stream()
          .map(x -> new Value.Candidate(phrase(x.text()), x.keys())).toList(), c.listed(), texts(c.unread()),
          texts(c.undecided()), c.undeclared());
    } else if (v instanceof Value.Conflicts c) {
      return new Value.Conflicts(c.files().stream()
          .map(x -> new Value.Conflict(text(x.path()), x.kinds(), x.forkLines(), text(x.renamedFrom()))).toList());
    } else if (v instanceof Value.Branch b) {
      return new Value.Branch(text(b.name()), text(b.upstream()), b.lines().stream().map(this::phrase).toList(),
          b.patches(), b.ownPatches(), b.merge(), text(b.mergeWhy()), b.lagDays(), b.size());
    } else if (v instanceof Value.Numbers || v instanceof Value.Count || v instanceof Value.Flag
        || v instanceof Value.Series || v instanceof Value.None) {
      // Numbers and flags: nothing from outside to mask (a metric's dotted path is the config's own).
      return v;
    }
    throw new IllegalStateException("no redaction for value shape " + v.getClass().getSimpleName());
  }

  private List<String> texts(List<String> texts) {
    return texts.stream().map(this::text).toList();
  }

  private String text(String s) {
    return s == null ? null : redactor.redact(s);
  }
}
