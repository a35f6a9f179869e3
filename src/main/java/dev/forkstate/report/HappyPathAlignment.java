package dev.forkstate.report;

import static dev.forkstate.report.Bullets.plain;
import static dev.forkstate.report.Bullets.setting;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The guide the fork follows, and each happy-path rule with what broke it. */
final class HappyPathAlignment implements SectionWriter {
  /** Rule fact and its label, in the order the guide states the rules. */
  private static final List<Map.Entry<FactId, String>> RULES = List.of(
      Map.entry(FactIds.HAPPYPATH_FLAGS, "No new flags:"),
      Map.entry(FactIds.HAPPYPATH_DEFAULTS, "Defaults unchanged:"),
      Map.entry(FactIds.HAPPYPATH_DETERMINISM, "Deterministic smokes:"),
      Map.entry(FactIds.HAPPYPATH_COPY_PASTE, "Copy-paste commands:"),
      Map.entry(FactIds.HAPPYPATH_IMPORTS, "Import-time robustness:"));

  /** New settings that are not flags, listed after the flags rule (never judged by it), when there are any. */
  private static final List<FactId> NOT_FLAGS = List.of(FactIds.PYTHON_CREDENTIALS,
      FactIds.PYTHON_TEST_ONLY_SETTINGS);

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
    facts.withPrefix(FactIds.REF_GUIDE_PREFIX).forEach(f -> out.add(Bullets.fact(0, f, "")));
    for (Map.Entry<FactId, String> rule : RULES) {
      facts.get(rule.getKey()).ifPresent(f -> {
        out.add(Bullets.fact(0, f, rule.getValue()));
        out.addAll(Bullets.items(f, 1, Bullets.IN_VIEW_ITEMS));
      });
      if (rule.getKey().equals(FactIds.HAPPYPATH_FLAGS)) {
        NOT_FLAGS.forEach(id -> facts.get(id).filter(f -> !Bullets.entries(f.value()).isEmpty()).ifPresent(f -> {
          out.add(Bullets.fact(0, f, ""));
          out.addAll(Bullets.items(f, 1, Bullets.IN_VIEW_ITEMS));
        }));
      }
    }
    // Beside the import rule: what tests import (not judged) and what the project declares (what "optional" is).
    facts.get(FactIds.PYTHON_TEST_IMPORTS).filter(f -> !Bullets.entries(f.value()).isEmpty()).ifPresent(f -> {
      out.add(Bullets.fact(0, f, "Test imports:"));
      out.addAll(Bullets.items(f, 1, Bullets.IN_VIEW_ITEMS));
    });
    Bullets.addFact(out, facts, 0, FactIds.PYTHON_DECLARED_DEPENDENCIES, "Declared dependencies:");
    Bullets.addFact(out, facts, 0, FactIds.PYTHON_CHANGES, "Scope:");
    return Folds.attentionFirst(out, "Rules that pass and what was measured");
  }
}
