package dev.forkstate.check;

import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Status;
import java.util.List;

/** A check's answer, with the facts it was based on. */
public record Finding(String checkId, String label, String title, Status status, String reason, List<FactId> basedOn,
                      boolean required) {
  public Finding {
    basedOn = basedOn.stream().distinct().sorted().toList();
  }
}
