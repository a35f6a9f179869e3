package dev.forkstate.fact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** All facts of one run, sorted by id. Duplicate ids are a bug in a collector. */
public final class FactSet {
  private final Map<FactId, Fact> byId;

  public FactSet(Collection<Fact> facts) {
    TreeMap<FactId, Fact> map = new TreeMap<>();
    for (Fact f : facts) {
      if (map.put(f.id(), f) != null) {
        throw new IllegalStateException("duplicate fact id " + f.id());
      }
    }
    this.byId = map;
  }

  public Optional<Fact> get(FactId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** String id: for collect/ci's tests until the ci ids move to {@link FactIds}. */
  public Optional<Fact> get(String id) {
    return get(FactId.of(id));
  }

  /** Facts whose id starts with the prefix, in id order. */
  public List<Fact> withPrefix(FactPrefix prefix) {
    return byId.values().stream().filter(f -> prefix.matches(f.id())).toList();
  }

  public List<Fact> all() {
    return List.copyOf(byId.values());
  }

  /** Count value of a fact that measured one, if it did. */
  public Optional<Long> count(FactId id) {
    return get(id).filter(f -> f.value() instanceof Value.Count).map(f -> ((Value.Count) f.value()).n());
  }

  public Optional<String> text(FactId id) {
    return get(id).filter(f -> f.value() instanceof Value.Text).map(f -> ((Value.Text) f.value()).text());
  }

  /** The first non-empty command among these facts: what reproduces a finding that rests on them, or "". */
  public String firstCommand(List<FactId> ids) {
    // The command of the fact that decided: the worst status among them (the first such in order). A check that is
    // FAIL for its imports must not show the copy-paste rule's `command -v` only because that fact sorts first.
    List<Fact> withCommand = ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
        .filter(f -> !f.command().isEmpty()).toList();
    return withCommand.stream().reduce((a, b) -> b.status().severity() > a.status().severity() ? b : a)
        .map(Fact::command).orElse("");
  }
}
