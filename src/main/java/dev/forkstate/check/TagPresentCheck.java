package dev.forkstate.check;

import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.List;

/** Does a tag mark the checked-out commit? */
public final class TagPresentCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("tag-present", "Tag", "Does a tag mark the checked-out commit?",
      "Operators name releases by tag; an untagged HEAD cannot be named in a report or a rollback.",
      "git tag -a <version> -m <message> && git push origin <version>");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    var atHead = facts.get(FactIds.GIT_TAGS_AT_HEAD);
    var nearest = facts.get(FactIds.GIT_TAGS_NEAREST);
    if (atHead.isEmpty() || nearest.isEmpty()) {
      return new Verdict(Status.UNKNOWN, "tags were not measured", List.of());
    }
    var ids = List.of(atHead.get().id(), nearest.get().id());
    if (atHead.get().status() == Status.PASS) {
      return new Verdict(Status.PASS, atHead.get().summaryPhrase(), List.of(atHead.get().id()));
    }
    if (atHead.get().status() != Status.WARN) {
      // WARN is the collector's "measured: no tag at HEAD"; anything else (UNKNOWN, a skip) speaks for itself.
      return FactJudgement.worstOf(List.of(atHead.get()), "tags at HEAD were not measured");
    }
    if (nearest.get().status() == Status.UNKNOWN) {
      return new Verdict(Status.UNKNOWN, "git could not list tags", ids);
    }
    if (nearest.get().status() != Status.INFO) {
      // Not a plain measurement (skipped, or judged elsewhere): it cannot show that a tag exists.
      return new Verdict(Status.UNKNOWN, Phrase.of("the nearest tag was not measured: ")
          .then(nearest.get().reasonPhrase()), ids);
    }
    if (nearest.get().value() instanceof dev.forkstate.fact.Value.Text) {
      return new Verdict(Status.WARN, Phrase.of("no tag at HEAD; ").then(nearest.get().summaryPhrase())
          .then(" is older"), ids);
    }
    return new Verdict(Status.FAIL, "no tag at all is reachable from HEAD", ids);
  }
}
