package dev.forkstate.check;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.List;

/** A pure judgement over facts: no I/O, no clock. A missing or UNKNOWN input yields UNKNOWN, never PASS. */
public interface Check {
  CheckInfo info();

  Verdict evaluate(FactSet facts);

  /** The answer before the config says whether the check is required. */
  record Verdict(Status status, Phrase reason, List<FactId> basedOn) {
    /** An answer whose reason is plain words. */
    public Verdict(Status status, String reason, List<FactId> basedOn) {
      this(status, Phrase.of(reason), basedOn);
    }
  }
}
