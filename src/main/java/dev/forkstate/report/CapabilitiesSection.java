package dev.forkstate.report;

import static dev.forkstate.report.Bullets.bullet;
import static dev.forkstate.report.Bullets.plain;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** What the fork claims and adds: capability claims with their evidence, new modules, tests and folders. */
final class CapabilitiesSection implements SectionWriter {
  private final FactSet facts;

  CapabilitiesSection(FactSet facts) {
    this.facts = facts;
  }

  @Override
  public String id() {
    return "capabilities";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    List<Fact> claimed = facts.withPrefix(FactIds.CAPABILITY_PREFIX);
    if (!claimed.isEmpty()) {
      out.add(plain(0, "Claimed in forkstate.yml, each checked against its evidence:"));
      claimed.forEach(f -> out.add(Bullets.fact(1, f, "")));
    } else {
      Bullets.addFact(out, facts, 0, FactIds.CAPABILITIES_CLAIMED, "Capability claims:");
    }
    List<Line> rest = new ArrayList<>();
    facts.get(FactIds.PYTHON_ADDED_MODULES).ifPresent(f -> {
      rest.add(Bullets.fact(0, f, ""));
      rest.addAll(Bullets.items(f, 1, Bullets.MAX_ITEMS));
    });
    Bullets.addFact(rest, facts, 0, FactIds.TESTS_ADDED_FOLDERS, "");
    Optional<Fact> added = facts.get(FactIds.UPSTREAM_FILES_ADDED);
    if (added.isPresent() && added.get().value() instanceof Value.Changes ch && !ch.files().isEmpty()) {
      rest.add(bullet(0, added.get().status(), "What the fork adds, by folder (files added since the merge-base):",
          added.get().command(), List.of(added.get().id())));
      TreeMap<String, long[]> byDir = new TreeMap<>();
      for (Value.FileChange f : ch.files()) {
        long[] agg = byDir.computeIfAbsent(folder(f.path()), k -> new long[2]);
        agg[0]++;
        agg[1] += f.added();
      }
      // A top folder's own files are said so: `pkg/` beside `pkg/extras/` counts only the files directly in pkg/.
      byDir.forEach((dir, agg) -> rest.add(plain(1, Phrase.of(Phrase.Kind.PATH, dir)
          .then((dir.indexOf('/') == dir.length() - 1 ? " (files directly in it)" : "") + ": "
          + Noun.count(agg[0], "file") + ", +" + agg[1] + " lines"))));
    } else {
      Bullets.addFact(rest, facts, 0, FactIds.UPSTREAM_FILES_ADDED, "Files the fork added:");
    }
    return Folds.after(out, "What the fork adds: Python modules, test folders, files by folder", rest);
  }

  /** The first two levels of a path ("minilm/extras/"), the top folder for its own files ("minilm/"), or "(root)". */
  private static String folder(String path) {
    String[] parts = path.split("/");
    if (parts.length == 1) {
      return "(root)";
    }
    return parts.length == 2 ? parts[0] + "/" : parts[0] + "/" + parts[1] + "/";
  }
}
