package dev.forkstate.history;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which facts of a stored run a reader needs: the ids starting with one of {@code prefixes} and the {@code ids}
 * named. One description for both places that pick them: the database's query (so SQLite leaves the rest of a row's
 * document in the file) and the Java reader (which builds only these).
 */
public record FactFilter(List<String> prefixes, List<String> ids) implements Predicate<String> {
  public FactFilter {
    prefixes = List.copyOf(prefixes);
    ids = List.copyOf(ids);
  }

  @Override
  public boolean test(String id) {
    return ids.contains(id) || prefixes.stream().anyMatch(id::startsWith);
  }
}
