package dev.forkstate.check;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.List;

/**
 * One judged statement about the fork, renderer-neutral: an advantage, a gap, a risk with its mitigation, or a step
 * to take now, next or later. The rules that decide them are in this package ({@link Advantages}, {@link Gaps},
 * {@link Risks}, {@link NextSteps}); the report only lays them out.
 *
 * @param command what reproduces it, or "" when no one command does
 * @param basedOn the facts it rests on
 */
public record Observation(Kind kind, Status status, Phrase text, String command, List<FactId> basedOn) {
  public enum Kind { ADVANTAGE, GAP, RISK, NOW, NEXT, LATER }

  public Observation {
    command = command == null ? "" : command;
    basedOn = List.copyOf(basedOn);
  }

  /** The fact itself, under a label, as the observation: its status, its words, its command. */
  static Observation ofFact(Kind kind, String label, Fact f) {
    return new Observation(kind, f.status(), Phrase.describing(label, f), f.command(), List.of(f.id()));
  }
}
