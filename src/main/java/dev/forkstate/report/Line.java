package dev.forkstate.report;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.util.List;

/** One line of a section. Sealed so every renderer handles every shape. Text is a phrase: no Markdown in it. */
public sealed interface Line permits Line.Bullet, Line.Quote, Line.Cited, Line.Note, Line.Fold {

  /**
   * A bullet: an optional status badge, the text, an optional command that reproduces it, the facts behind it, and
   * its nesting depth (0 = top level).
   */
  record Bullet(int depth, Status status, Phrase text, String command, List<FactId> facts) implements Line {
    public Bullet {
      facts = facts.stream().distinct().sorted().toList();
      command = command == null ? "" : command;
    }
  }

  /** A block quote: used for the verbatim prompt, which is shown exactly as configured. */
  record Quote(String text) implements Line {}

  /**
   * A statement that rests on facts, shown with a short link per fact (a footnote reference): an assessment point.
   * Every id it cites has a {@link Note} in the same report.
   */
  record Cited(int depth, Phrase text, List<FactId> cites) implements Line {
    public Cited {
      cites = cites.stream().distinct().sorted().toList();
    }
  }

  /** What a cited fact measured, as the footnote a {@link Cited} line links to: status, text, command. */
  record Note(FactId id, Status status, Phrase text, String command) implements Line {
    public Note {
      command = command == null ? "" : command;
    }
  }

  /**
   * Folds the rest of its section: the lines after it are the full evidence, shown collapsed under this summary (our
   * own words, never repository text), so the part a reader sees first stays short and nothing is lost.
   */
  record Fold(String summary) implements Line {}
}
