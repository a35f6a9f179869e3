package dev.forkstate.check;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Skip;
import dev.forkstate.fact.Status;
import java.util.List;

/** A check's answer, with the facts it was based on; a SKIPPED answer says whether the user asked for the skip. */
public record Finding(String checkId, String label, String title, Status status, Phrase reason, List<FactId> basedOn,
                      boolean required, Skip skip) {
  public Finding {
    basedOn = basedOn.stream().distinct().sorted().toList();
    skip = status != Status.SKIPPED ? Skip.NONE : skip == null || skip == Skip.NONE ? Skip.NO_INPUT : skip;
    reason = reason == null ? Phrase.empty() : reason;
  }

  /** A finding whose reason is plain words. */
  public Finding(String checkId, String label, String title, Status status, String reason, List<FactId> basedOn,
                 boolean required, Skip skip) {
    this(checkId, label, title, status, Phrase.of(reason), basedOn, required, skip);
  }

  public Finding(String checkId, String label, String title, Status status, String reason, List<FactId> basedOn,
                 boolean required) {
    this(checkId, label, title, status, Phrase.of(reason), basedOn, required, Skip.NO_INPUT);
  }
}
