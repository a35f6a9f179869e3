package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Does a fork release tag mark the checked-out commit? Upstream's tags are upstream's releases: below the fork they
 * are only its base, never the fork's release.
 */
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
    if (atHead.get().status() == Status.PASS) {
      return new Verdict(Status.PASS, atHead.get().summaryPhrase(), List.of(atHead.get().id()));
    }
    if (atHead.get().status() != Status.WARN) {
      // WARN is the collector's "measured: no tag at HEAD"; anything else (UNKNOWN, a skip) speaks for itself.
      return FactJudgement.worstOf(List.of(atHead.get()), "tags at HEAD were not measured");
    }
    Fact near = nearest.get();
    var ids = List.of(atHead.get().id(), near.id());
    if (near.status() == Status.UNKNOWN) {
      return new Verdict(Status.UNKNOWN, Phrase.of("git could not list tags: ").then(near.reasonPhrase()), ids);
    }
    if (near.status() != Status.INFO) {
      // Not a plain measurement (skipped, or judged elsewhere): it cannot show that a tag exists.
      return new Verdict(Status.UNKNOWN, Phrase.of("the nearest tag was not measured: ")
          .then(near.reasonPhrase()), ids);
    }
    if (near.value() instanceof Value.Text) {
      return new Verdict(Status.WARN, caveat(Phrase.of("no tag at HEAD; ").then(near.summaryPhrase())
          .then(" is older"), near), ids);
    }
    Optional<Fact> base = facts.get(FactIds.GIT_TAGS_UPSTREAM_BASE)
        .filter(b -> b.status() == Status.INFO && b.value() instanceof Value.Text);
    if (base.isPresent()) {
      List<FactId> withBase = new ArrayList<>(ids);
      withBase.add(base.get().id());
      return new Verdict(Status.FAIL, Phrase.of("no fork release tag at all; ").then(base.get().summaryPhrase()),
          withBase);
    }
    // No tag at all, whoever's: FAIL needs no word on who owns tags.
    return new Verdict(Status.FAIL, near.reason().isEmpty() ? near.summaryPhrase()
        : Phrase.of("no tag at all is reachable from HEAD"), ids);
  }

  /** Without an upstream ref the nearest tag may be upstream's: the collector's reason says so. */
  private static Phrase caveat(Phrase said, Fact near) {
    return near.reason().isEmpty() ? said : said.then("; ").then(near.reasonPhrase());
  }
}
