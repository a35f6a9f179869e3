package dev.forkstate.check;

import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.Detected;
import dev.forkstate.config.Settings;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Measured facts as collectors emit them, and settings from YAML: the inputs of the policy tables. */
final class PolicyFacts {
  static final Evidence EV = Evidence.ofCommand("git diff $(git merge-base HEAD upstream/main) HEAD -- '*.py'");

  private PolicyFacts() {}

  static Settings settings(String yaml) {
    return SettingsResolver.resolve(new ConfigLoader().parse(yaml, "forkstate.yml"), new Detected("r", "main",
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), null));
  }

  static Value.Candidate candidate(Phrase text, String... keys) {
    return new Value.Candidate(text, List.of(keys));
  }

  static Fact candidates(FactId id, List<Value.Candidate> found, List<String> listed, List<String> unread) {
    return Fact.info(id, new Value.Candidates(found, listed, unread), found.size() + " found", EV);
  }

  static Fact numbers(FactId id, Map<String, Double> byPath) {
    return Fact.info(id, new Value.Numbers(new TreeMap<>(byPath)), "measured", EV);
  }

  static Fact conflicts(Value.Conflict... files) {
    Phrase merging = Phrase.of("merging ").then(Phrase.Kind.REF, "upstream/main").then(" into the fork ");
    return Fact.info(FactIds.UPSTREAM_MERGE_PREVIEW, new Value.Conflicts(List.of(files)), files.length == 0
        ? merging.then("is clean")
        : merging.then("conflicts in " + files.length + " file" + (files.length == 1 ? "" : "s")), EV);
  }

  static Fact branch(long patches, long own, Value.Merge merge, String why, long lagDays) {
    return branch(patches, own, merge, why, lagDays, new Value.Size(patches, patches, 3, 1));
  }

  static Fact branch(long patches, long own, Value.Merge merge, String why, long lagDays, Value.Size size) {
    return Fact.info(FactId.of("pr.pr-x"), new Value.Branch("pr/x", "upstream/main", List.of(Phrase.of("1 ahead, 0 behind ")
        .then(Phrase.Kind.REF, "upstream/main")), patches, own, merge, why, lagDays, size),
        Phrase.of(Phrase.Kind.BRANCH, "pr/x").then(" measured"), EV);
  }
}
