package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;

/**
 * A secret-shaped value on a line the fork added is a WARN: a real key stays in the history once pushed (rotate it,
 * then remove it), and a placeholder that merely looks like one is for the maintainer to tell apart, since forkstate
 * cannot. None is a PASS. The value is never shown: the collector keeps only file and line.
 */
final class CommittedSecretPolicy implements Policy {
  @Override
  public boolean covers(FactId id) {
    return id.equals(FactIds.UPSTREAM_SECRETS);
  }

  @Override
  public Fact judge(Fact measured) {
    if (measured.status() != Status.INFO || !(measured.value() instanceof Value.Items items)) {
      return measured;
    }
    if (items.items().isEmpty()) {
      return new Fact(measured.id(), Status.PASS, measured.value(), measured.summaryPhrase(), Phrase.empty(),
          measured.evidence());
    }
    return new Fact(measured.id(), Status.WARN, measured.value(), measured.summaryPhrase(), Phrase.of("a real key "
        + "stays in the history once pushed: rotate it, then remove it (a placeholder that only looks like a key "
        + "is for you to tell apart)"), measured.evidence());
  }
}
