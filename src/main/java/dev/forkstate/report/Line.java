package dev.forkstate.report;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Status;
import java.util.List;

/** One line of a section. Sealed so every renderer handles every shape. */
public sealed interface Line permits Line.Bullet, Line.Quote {

  /**
   * A bullet: an optional status badge, the text (Markdown inline, already safe), an optional command that
   * reproduces it, the facts behind it, and its nesting depth (0 = top level).
   */
  record Bullet(int depth, Status status, String text, String command, List<FactId> facts) implements Line {
    public Bullet {
      facts = facts.stream().distinct().sorted().toList();
      command = command == null ? "" : command;
    }
  }

  /** A block quote: used for the verbatim prompt, which is shown exactly as configured. */
  record Quote(String text) implements Line {}
}
