package dev.forkstate.assess;

import dev.forkstate.fact.FactId;
import java.util.List;

/** The answer to the verbatim prompt: who wrote it and its points, each with the facts it rests on. */
public record Assessment(String prompt, String writer, List<Point> points) {
  public Assessment {
    points = List.copyOf(points);
  }

  public record Point(String text, List<FactId> cites) {
    public Point {
      cites = cites.stream().distinct().sorted().toList();
    }
  }
}
