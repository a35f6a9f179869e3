package dev.forkstate.report;

import static dev.forkstate.report.Bullets.plain;
import static dev.forkstate.report.Bullets.setting;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;

/** The guide the fork follows, and each happy-path rule with what broke it. */
final class HappyPathAlignment implements SectionWriter {
  /** Rule fact and its label, in the order the guide states the rules. */
  private static final List<List<String>> RULES = List.of(List.of("happypath.flags", "No new flags:"),
      List.of("happypath.defaults", "Defaults unchanged:"), List.of("happypath.determinism", "Deterministic smokes:"),
      List.of("happypath.copy-paste", "Copy-paste commands:"), List.of("happypath.imports", "Import-time robustness:"));

  private final FactSet facts;
  private final Settings settings;

  HappyPathAlignment(FactSet facts, Settings settings) {
    this.facts = facts;
    this.settings = settings;
  }

  @Override
  public String id() {
    return "happypath-alignment";
  }

  @Override
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    out.add(plain(0, Phrase.of("Guide: ").then(setting(settings.guide(), Phrase.Kind.PATH))));
    facts.withPrefix("ref.guide.").forEach(f -> out.add(Bullets.fact(0, f, "")));
    for (List<String> rule : RULES) {
      facts.get(rule.get(0)).ifPresent(f -> {
        out.add(Bullets.fact(0, f, rule.get(1)));
        out.addAll(Bullets.items(f, 1, Bullets.MAX_ITEMS));
      });
    }
    Bullets.addFact(out, facts, 0, "python.changes", "Scope:");
    return out;
  }
}
