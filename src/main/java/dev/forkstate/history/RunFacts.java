package dev.forkstate.history;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactPrefix;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The facts of one run as data: per fact id its status and typed value. No summaries or reasons: what reads history
 * (trends, diff, the listing) works from values, never from sentences written for people.
 */
public record RunFacts(SortedMap<String, Entry> facts) {
  public record Entry(Status status, Value value) {}

  public RunFacts {
    facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
  }

  public static RunFacts of(List<Fact> facts) {
    SortedMap<String, Entry> out = new TreeMap<>();
    facts.forEach(f -> out.put(f.id().value(), new Entry(f.status(), f.value())));
    return new RunFacts(out);
  }

  public static RunFacts empty() {
    return new RunFacts(new TreeMap<>());
  }

  public Optional<Entry> get(FactId id) {
    return Optional.ofNullable(facts.get(id.value()));
  }

  /** The entries whose id starts with the prefix, in id order. */
  public Map<String, Entry> withPrefix(FactPrefix prefix) {
    SortedMap<String, Entry> out = new TreeMap<>();
    facts.forEach((id, e) -> {
      if (prefix.matches(id)) {
        out.put(id, e);
      }
    });
    return out;
  }

  public Optional<Long> count(FactId id) {
    return get(id).map(Entry::value).filter(v -> v instanceof Value.Count).map(v -> ((Value.Count) v).n());
  }

  public Optional<String> text(FactId id) {
    return get(id).map(Entry::value).filter(v -> v instanceof Value.Text).map(v -> ((Value.Text) v).text());
  }
}
